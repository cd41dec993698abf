import { describe, expect, it } from 'vitest';
import { generateArticle, makePools, SPEAKER_COUNT, TOPIC_COUNT, toMarkdownPost } from '../bench/generate.js';
import { parseOptions } from '../bench/options.js';
import { Prng } from '../bench/prng.js';

describe('the synthetic archive', () => {
  const pools = makePools(1);

  it('has 2,000 distinct speakers with roles and 300 distinct topics', () => {
    expect(pools.speakers).toHaveLength(SPEAKER_COUNT);
    expect(new Set(pools.speakers.map((s) => s.name)).size).toBe(SPEAKER_COUNT);
    expect(pools.speakers.every((s) => s.role.length > 0 && s.name.endsWith(s.surname))).toBe(true);
    expect(pools.topics).toHaveLength(TOPIC_COUNT);
    expect(new Set(pools.topics).size).toBe(TOPIC_COUNT);
  });

  it('is the same for the same seed and index, and differs otherwise', () => {
    expect(makePools(1)).toEqual(pools);
    expect(generateArticle(makePools(1), 1, 42)).toEqual(generateArticle(pools, 1, 42));
    expect(generateArticle(pools, 1, 42).text).not.toBe(generateArticle(pools, 1, 43).text);
    expect(generateArticle(pools, 2, 42).text).not.toBe(generateArticle(pools, 1, 42).text);
    expect(makePools(2).speakers).not.toEqual(pools.speakers);
  });

  it('gives articles of about 600 words with 3–12 quotes, 3 topics and a date in 2005–2024', () => {
    const files = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const a = generateArticle(pools, 1, i);
      files.add(a.file);
      expect(a.quotes).toBeGreaterThanOrEqual(3);
      expect(a.quotes).toBeLessThanOrEqual(12);
      expect(a.words).toBeGreaterThan(450);
      expect(a.words).toBeLessThan(900);
      expect(a.topics).toHaveLength(3);
      expect(new Set(a.topics).size).toBe(3);
      expect(a.date >= '2005-01-01' && a.date <= '2024-12-31').toBe(true);
      expect(a.text).toContain(a.title);
      expect(a.text).toContain(a.body);
      for (const speaker of a.speakers) expect(a.text).toContain(speaker);
    }
    expect(files.size).toBe(200);
  });

  it('writes the same body as a Markdown post with title, date and the topics as tags', () => {
    const a = generateArticle(pools, 1, 5);
    const post = toMarkdownPost(a);
    expect(post.startsWith(`---\ntitle: ${JSON.stringify(a.title)}\ndate: ${a.date}\ntags:\n`)).toBe(true);
    for (const topic of a.topics) expect(post).toContain(`  - ${JSON.stringify(topic)}\n`);
    expect(post.endsWith(`---\n\n${a.body}\n`)).toBe(true);
  });
});

describe('Prng', () => {
  it('repeats its sequence for a seed', () => {
    const a = new Prng(9);
    const b = new Prng(9);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('bench options', () => {
  it('has the documented defaults and reads the flags', () => {
    expect(parseOptions([])).toMatchObject({ articles: 2000, runs: 1, keep: null, seed: 1, cpuProf: false, extractSample: 1000 });
    expect(parseOptions(['--articles', '20000', '--runs=3', '--keep', 'x'])).toMatchObject({ articles: 20000, runs: 3, keep: 'x', extractSample: 1000 });
    expect(() => parseOptions(['--articles', '0'])).toThrow(/--articles/);
    expect(() => parseOptions(['--nope'])).toThrow(/unknown option/);
  });
});
