import { describe, expect, it } from 'vitest';
import { EXTRACT_ROUNDS, extractionRate } from '../bench/extraction-rate.js';
import { generateArticle, makePools } from '../bench/generate.js';

describe('bench extraction rate', () => {
  const pools = makePools(7);
  const options = { articles: 40, extractSample: 6, seed: 7 };

  it('reads each text once, none of them twice nor the archive’s extra article, and times only the rounds', () => {
    const read: string[] = [];
    const rate = extractionRate((text) => {
      read.push(text);
      return { quotes: [] };
    }, pools, options);
    // the warm-up, then EXTRACT_ROUNDS rounds of extractSample texts
    expect(read).toHaveLength(options.extractSample * (EXTRACT_ROUNDS + 1));
    expect(new Set(read).size).toBe(read.length);
    expect(read).not.toContain(generateArticle(pools, options.seed, options.articles).text);
    // the first round is the archive's first texts, as the figure always was
    const firstRound = read.slice(options.extractSample, options.extractSample * 2);
    expect(firstRound).toEqual(Array.from({ length: options.extractSample }, (_, i) => generateArticle(pools, options.seed, i).text));
    expect(rate.rounds).toHaveLength(EXTRACT_ROUNDS);
  });

  it('gives the median of the rounds', () => {
    const rate = extractionRate((text) => {
      // some CPU per text, so that each round takes measurable time
      let sink = 0;
      for (let i = 0; i < 20_000; i++) sink += text.charCodeAt(i % text.length);
      return { quotes: sink < 0 ? [sink] : [] };
    }, pools, options);
    const sorted = rate.rounds.map((r) => r.perCpuS).sort((a, b) => a - b);
    expect(rate.perCpuS).toBe(sorted[Math.floor(EXTRACT_ROUNDS / 2)]);
    for (const round of rate.rounds) expect(round.perCpuS).toBeGreaterThan(0);
  });
});
