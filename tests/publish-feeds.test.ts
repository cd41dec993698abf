import { describe, expect, it } from 'vitest';
import { compareArticles } from '../src/archive/sort.js';
import type { Archive, ArticleRecord } from '../src/archive/types.js';
import { archiveFeeds, atomFeed, stableId, UNDATED_FALLBACK } from '../src/publish/feeds.js';
import { allElements, childNamed, childrenNamed, parseXml, type XmlElement } from './browser/support/xml.js';

const ATOM = 'http://www.w3.org/2005/Atom';

function article(id: string, fields: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id,
    url: `/articles/${id}/`,
    file: `${id}.txt`,
    title: `Title ${id}`,
    date: null,
    source: null,
    byline: null,
    dateline: null,
    speakers: [],
    quotes: [],
    topics: [],
    body: `Body of ${id}.`,
    messages: [],
    ...fields,
  };
}

const hostile = '<script>alert(1)</script> & <img src=x onerror=alert(1)> "q" \'a\'';

const archive: Archive = {
  articles: [
    article('old', { date: '2023-01-05', topics: [{ id: 'war', label: 'War' }], speakers: [{ id: 'ann', name: 'Ann Lee' }] }),
    article('undated-b', { title: 'B undated', topics: [{ id: 'war', label: 'War' }] }),
    article('new', {
      date: '2024-06-30',
      title: hostile,
      source: 'Reuters & AP',
      body: `# Heading\n\n${hostile}\n\nSecond paragraph.`,
      topics: [{ id: 'war', label: 'War & <Peace>' }, { id: 'trade', label: 'Trade' }],
      speakers: [{ id: 'bob', name: 'Bob <b>' }, { id: 'ann', name: 'Ann Lee' }],
      quotes: [{ id: 'q1', text: 'Hi', speaker: 'Ann Lee', speakerId: 'ann', cue: 'said' }],
    }),
    article('undated-a', { title: 'A undated' }),
    article('mid', { date: '2023-11-11', speakers: [{ id: 'ann', name: 'Ann Lee' }] }),
  ].sort(compareArticles),
};

function feedOf(file: string, options = { basePath: '/', siteUrl: null as string | null }): XmlElement {
  const feed = archiveFeeds(archive, options).find((f) => f.file === file);
  if (!feed) throw new Error(`no ${file}`);
  return parseXml(feed.xml);
}

function entryLinks(feed: XmlElement): string[] {
  return childrenNamed(feed, 'entry').map((e) => childNamed(e, 'link').attributes['href'] ?? '');
}

describe('archiveFeeds', () => {
  it('writes the archive feed, one per topic and one per speaker, at the agreed paths', () => {
    const files = archiveFeeds(archive, { basePath: '/', siteUrl: null }).map((f) => f.file);
    expect(files).toEqual(['feed.xml', 'topics/trade/feed.xml', 'topics/war/feed.xml', 'speakers/ann/feed.xml', 'speakers/bob/feed.xml']);
  });

  it('writes well-formed Atom: required elements on the feed and on every entry', () => {
    for (const { file, xml } of archiveFeeds(archive, { basePath: '/', siteUrl: null })) {
      const feed = parseXml(xml);
      expect(feed.name, file).toBe('feed');
      expect(feed.uri, file).toBe(ATOM);
      for (const name of ['id', 'title', 'updated', 'author']) expect(childrenNamed(feed, name), `${file} ${name}`).toHaveLength(1);
      for (const entry of childrenNamed(feed, 'entry')) {
        for (const name of ['id', 'title', 'updated']) expect(childrenNamed(entry, name), `${file} entry ${name}`).toHaveLength(1);
        expect(childNamed(entry, 'link').attributes['rel']).toBe('alternate');
        expect(childNamed(entry, 'updated').text).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      }
    }
  });

  it('has one entry per article it covers', () => {
    expect(childrenNamed(feedOf('feed.xml'), 'entry')).toHaveLength(5);
    expect(entryLinks(feedOf('topics/war/feed.xml')).sort()).toEqual(['/articles/new/', '/articles/old/', '/articles/undated-b/']);
    expect(entryLinks(feedOf('topics/trade/feed.xml'))).toEqual(['/articles/new/']);
    // Ann is named by three articles and quoted in one of them; each article appears once.
    expect(entryLinks(feedOf('speakers/ann/feed.xml')).sort()).toEqual(['/articles/mid/', '/articles/new/', '/articles/old/']);
  });

  it('puts the newest first and undated articles last, with the fixed fallback date and no published date', () => {
    const feed = feedOf('feed.xml');
    expect(entryLinks(feed)).toEqual(['/articles/new/', '/articles/mid/', '/articles/old/', '/articles/undated-a/', '/articles/undated-b/']);
    expect(childNamed(feed, 'updated').text).toBe('2024-06-30T00:00:00Z');
    const undated = childrenNamed(feed, 'entry').slice(3);
    for (const entry of undated) {
      expect(childNamed(entry, 'updated').text).toBe(UNDATED_FALLBACK);
      expect(childrenNamed(entry, 'published')).toHaveLength(0);
    }
    const first = childrenNamed(feed, 'entry')[0]!;
    expect(childNamed(first, 'published').text).toBe('2024-06-30T00:00:00Z');
  });

  it('gives a feed with no dated article the fallback date, never the build time', () => {
    const feed = parseXml(atomFeed({ key: 'k', title: 't', selfPath: '/f.xml', pagePath: '/', articles: [article('u')] }, { basePath: '/', siteUrl: null }));
    expect(childNamed(feed, 'updated').text).toBe(UNDATED_FALLBACK);
  });

  it('escapes markup and ampersands in titles, sources, labels and summaries: they come back as text', () => {
    const feed = feedOf('feed.xml');
    const entry = childrenNamed(feed, 'entry')[0]!;
    expect(childNamed(entry, 'title').text).toBe(hostile);
    expect(childNamed(childNamed(entry, 'author'), 'name').text).toBe('Reuters & AP');
    expect(childNamed(entry, 'summary').text).toBe(hostile);
    expect(childrenNamed(entry, 'category').map((c) => c.attributes['label'])).toEqual(['War & <Peace>', 'Trade']);
    const names = allElements(feed).map((e) => e.name);
    expect(names).not.toContain('script');
    expect(names).not.toContain('img');
    expect(childNamed(feedOf('speakers/bob/feed.xml'), 'title').text).toBe('Bob <b> — News archive');
  });

  it('drops characters XML cannot hold, so copied control characters do not break the feed', () => {
    const dirty = article('dirty', { title: 'bell\u0007 nul\u0000 ok \uD800 lone', body: 'form\u000Cfeed' });
    const feed = parseXml(atomFeed({ key: 'k', title: 't', selfPath: '/f.xml', pagePath: '/', articles: [dirty] }, { basePath: '/', siteUrl: null }));
    expect(childNamed(childNamed(feed, 'entry'), 'title').text).toBe('bell nul ok  lone');
  });

  it('links under the base path, or absolutely when a site URL is given', () => {
    const sub: Archive = { articles: archive.articles.map((a) => ({ ...a, url: `/news${a.url}` })) };
    const under = parseXml(archiveFeeds(sub, { basePath: '/news/', siteUrl: null })[0]!.xml);
    expect(entryLinks(under)[0]).toBe('/news/articles/new/');
    const links = childrenNamed(under, 'link').map((l) => [l.attributes['rel'], l.attributes['href']]);
    expect(links).toEqual([['self', '/news/feed.xml'], ['alternate', '/news/']]);

    for (const siteUrl of ['https://example.org', 'https://example.org/', 'https://example.org/news/']) {
      const abs = parseXml(archiveFeeds(sub, { basePath: '/news/', siteUrl })[0]!.xml);
      expect(entryLinks(abs)[0], siteUrl).toBe('https://example.org/news/articles/new/');
      expect(childrenNamed(abs, 'link')[0]!.attributes['href'], siteUrl).toBe('https://example.org/news/feed.xml');
    }
    const topic = parseXml(archiveFeeds(sub, { basePath: '/news/', siteUrl: 'https://example.org' }).find((f) => f.file === 'topics/war/feed.xml')!.xml);
    expect(childrenNamed(topic, 'link').map((l) => l.attributes['href'])).toEqual(['https://example.org/news/topics/war/feed.xml', 'https://example.org/news/topics/war/']);
  });

  it('keeps entry ids stable and unique, whatever the host or base path', () => {
    const ids = (basePath: string, siteUrl: string | null): string[] =>
      childrenNamed(parseXml(archiveFeeds(archive, { basePath, siteUrl })[0]!.xml), 'entry').map((e) => childNamed(e, 'id').text);
    const plain = ids('/', null);
    expect(new Set(plain).size).toBe(5);
    expect(ids('/x/', 'https://example.org')).toEqual(plain);
    for (const id of plain) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableId('article:new')).toBe(stableId('article:new'));
    expect(stableId('article:new')).not.toBe(stableId('article:old'));
  });

  it('is deterministic: entries come in the archive order whatever order the feed is given them', () => {
    const spec = { key: 'k', title: 't', selfPath: '/f.xml', pagePath: '/' };
    const options = { basePath: '/', siteUrl: null };
    expect(atomFeed({ ...spec, articles: [...archive.articles].reverse() }, options)).toBe(atomFeed({ ...spec, articles: archive.articles }, options));
  });

  it('never writes a feed outside its folder for an id that is not one path segment', () => {
    const bad: Archive = { articles: [article('x', { topics: [{ id: '..', label: 'up' }, { id: 'a/b', label: 'slash' }, { id: '', label: 'empty' }] })] };
    expect(archiveFeeds(bad, { basePath: '/', siteUrl: null }).map((f) => f.file)).toEqual(['feed.xml']);
  });
});

describe('feed length', () => {
  it('keeps the newest FEED_ENTRIES articles, or the limit given', async () => {
    const { FEED_ENTRIES } = await import('../src/publish/feeds.js');
    const many: ArticleRecord[] = Array.from({ length: FEED_ENTRIES + 7 }, (_, i) => article(`a${i}`, { date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, title: `T${String(i).padStart(3, '0')}` }));
    const spec = { key: 'k', title: 'K', selfPath: '/feed.xml', pagePath: '/', articles: many };
    const links = entryLinks(parseXml(atomFeed(spec, { basePath: '/', siteUrl: null })));
    expect(links).toHaveLength(FEED_ENTRIES);
    const newest = [...many].sort(compareArticles).slice(0, FEED_ENTRIES).map((a) => a.url);
    expect(links).toEqual(newest);
    expect(entryLinks(parseXml(atomFeed(spec, { basePath: '/', siteUrl: null }, new Map(), undefined, 3)))).toEqual(newest.slice(0, 3));
  });
});
