import { describe, expect, it } from 'vitest';
import { assembleArchive } from '../src/archive/assemble.js';
import { quotesByMonth, quotesByYear } from '../src/archive/quotes-index.js';
import { speakerPages } from '../src/archive/speakers-index.js';
import { timeline } from '../src/archive/timeline.js';
import { topicPages } from '../src/archive/topics-index.js';
import { sampleInputs } from './render-sample-archive.js';

const archive = assembleArchive(sampleInputs(), { basePath: '/sub/path/' });
const byFile = (file: string) => archive.articles.find((a) => a.file === file)!;

describe('assembleArchive', () => {
  it('sorts newest first, undated last, then by title', () => {
    expect(archive.articles.map((a) => a.date)).toEqual(['2024-07-09', '2024-03-26', '2023-01-05', '2023-01-02', null, null]);
    expect(archive.articles.slice(4).map((a) => a.file)).toEqual(['zelensky-2.md', 'nonlatin.txt']);
  });
  it('gives readable, unique, stable ids and URLs under the base path', () => {
    expect(byFile('kremlin.txt').id).toBe('kremlin-backs-turkiye-on-call-for-peace-platform');
    expect(byFile('kremlin.txt').url).toBe('/sub/path/articles/kremlin-backs-turkiye-on-call-for-peace-platform/');
    expect(byFile('same-title-a.txt').id).toBe('breaking-news');
    expect(byFile('same-title-b.txt').id).toMatch(/^breaking-news-[0-9a-f]{6}$/);
    expect(byFile('nonlatin.txt').id).toMatch(/^article-[0-9a-f]{6}$/);
    const ids = archive.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('joins one person spelled differently across articles into one speaker id', () => {
    const zelensky = new Set(
      ['zelensky-1.txt', 'zelensky-2.md'].flatMap((f) => byFile(f).speakers.filter((s) => /zelensk/i.test(s.name)).map((s) => `${s.id}|${s.name}`)),
    );
    expect(zelensky.size).toBe(1);
    const erdogan = byFile('zelensky-2.md').speakers.find((s) => /erdo/i.test(s.name))!;
    expect(erdogan).toEqual({ name: 'Recep Tayyip Erdoğan', id: 'recep-tayyip-erdogan', role: 'President' });
    expect(byFile('kremlin.txt').quotes[1]).toMatchObject({ speaker: 'Dmitry Peskov', speakerId: 'dmitry-peskov' });
  });
  it('resolves aliases within an article, keeps organisations and unattributed quotes', () => {
    const fsb = byFile('zelensky-2.md').quotes[2]!;
    expect(fsb).toMatchObject({ speaker: 'Federal Security Service', speakerId: 'federal-security-service' });
    expect(byFile('kremlin.txt').quotes[3]).toMatchObject({ speaker: null, speakerId: null, cue: null });
  });
  it('numbers quotes within their article as stable anchors', () => {
    expect(byFile('kremlin.txt').quotes.map((q) => q.id)).toEqual([1, 2, 3, 4].map((n) => `q-kremlin-backs-turkiye-on-call-for-peace-platform-${n}`));
  });
  it('gives a topic one label and id across articles', () => {
    const ids = ['kremlin.txt', 'zelensky-1.txt'].map((f) => byFile(f).topics[0]);
    expect(ids[0]).toEqual(ids[1]);
    expect(byFile('kremlin.txt').topics.map((t) => t.id)).toContain('turkiye');
  });
  it('does not depend on the order of its inputs', () => {
    expect(assembleArchive([...sampleInputs()].reverse(), { basePath: '/sub/path/' })).toEqual(archive);
  });
});

describe('derived views', () => {
  it('speakers: roles, counts and quotes by topic', () => {
    const peskov = speakerPages(archive, '/').find((s) => s.id === 'dmitry-peskov')!;
    expect(peskov).toMatchObject({ role: 'Kremlin spokesman', quoteCount: 3, articleCount: 2, url: '/speakers/dmitry-peskov/', feedUrl: '/speakers/dmitry-peskov/feed.xml' });
    expect(peskov.quotes[0]!.article.url).toBe(byFile('kremlin.txt').url);
    expect(peskov.quotes[0]!.id).toBe('q-kremlin-backs-turkiye-on-call-for-peace-platform-1');
    expect(peskov.topics.find((t) => t.id === 'ukraine-war')?.count).toBe(3);
  });
  it('topics: articles newest first, quotes and who spoke how often', () => {
    const talks = topicPages(archive, '/').find((t) => t.id === 'istanbul-talks')!;
    expect(talks.articles.map((a) => a.date)).toEqual(['2024-03-26', null]);
    expect(talks.quotes).toHaveLength(5);
    expect(talks.speakers[0]).toMatchObject({ count: 2 });
  });
  it('timeline: years and months newest first, undated apart', () => {
    const t = timeline(archive, '/');
    expect(t.years.map((y) => [y.year, y.count, y.months.map((m) => m.month)])).toEqual([
      ['2024', 2, ['07', '03']],
      ['2023', 2, ['01']],
    ]);
    expect(t.undated).toHaveLength(2);
  });
  it('quotes: the same words reported twice are shown once with both sources', () => {
    const months = quotesByMonth(archive, '/');
    const all = months.flatMap((m) => m.quotes);
    const never = all.filter((q) => q.text.startsWith('We have never refused'));
    expect(never).toHaveLength(1);
    expect(never[0]!.sources).toHaveLength(2);
    expect(months.map((m) => [m.slug, m.label, m.url])).toEqual([
      ['2024/07', 'July 2024', '/quotes/2024/07/'],
      ['2024/03', 'March 2024', '/quotes/2024/03/'],
      ['undated', 'undated articles', '/quotes/undated/'],
    ]);
    expect(quotesByYear(months).map((y) => [y.year, y.months.length, y.count])).toEqual([
      ['2024', 2, months[0]!.count + months[1]!.count],
      ['undated', 1, months[2]!.count],
    ]);
  });
});
