import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/archive/types.js';
import { describeViolations, runAxe } from './support/axe.js';
import { haveChromium, launchChromium, watchedPage, type WatchedPage } from './support/chromium.js';
import { allPages, pageKinds, type PageKind } from './support/pages.js';
import { serveStatic, type StaticServer } from './support/server.js';
import { buildSite, type BuiltSite } from './support/site.js';
import { childNamed, childrenNamed, parseXml } from './support/xml.js';

/** The seeds, built under a base path, served on 127.0.0.1 and opened in Debian's Chromium. One build, one browser. */
const BASE = '/news-archive/';

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let kinds: PageKind[];
/** Every page opened by the tests, to check at the end that none went off-site, opened a dialog or logged an error. */
const watched: WatchedPage[] = [];

async function open(path: string): Promise<Page> {
  const w = await watchedPage(context, server.origin);
  watched.push(w);
  await w.page.goto(`${server.home}${path}`);
  return w.page;
}

/** Clicks the first link whose href matches, and waits for the page it leads to. */
async function follow(page: Page, href: RegExp): Promise<string> {
  const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const index = links.findIndex((h) => href.test(h));
  expect(index, `a link matching ${href} on ${page.url()}; links: ${links.join(' ')}`).toBeGreaterThanOrEqual(0);
  const target = links[index]!;
  await Promise.all([page.waitForURL((url) => url.pathname === new URL(target, page.url()).pathname), page.locator('a[href]').nth(index).click()]);
  return target;
}

const h1 = async (page: Page): Promise<string> => (await page.locator('h1').first().innerText()).trim();
const articleByUrl = (url: string): ArticleRecord | undefined => site.archive.articles.find((a) => a.url === url);

describe.skipIf(!haveChromium)('the built site in Chromium', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    [site, browser] = await Promise.all([buildSite({ basePath: BASE }), launchChromium()]);
    server = await serveStatic(site.outDir, BASE);
    context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    kinds = await pageKinds(site.outDir);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  it('opens the home page, follows an article, its speaker and its topic', async () => {
    const page = await open('');
    expect(await page.title()).not.toBe('');
    const articleUrl = await follow(page, new RegExp(`^${BASE}articles/[^/]+/$`));
    const article = articleByUrl(articleUrl);
    expect(article, `records.json has ${articleUrl}`).toBeDefined();
    expect(await h1(page)).toBe(article!.title);

    const speakerUrl = await follow(page, new RegExp(`^${BASE}speakers/[^/]+/$`));
    const speakerId = speakerUrl.split('/').at(-2);
    const speaker = site.archive.articles.flatMap((a) => a.speakers).find((s) => s.id === speakerId);
    expect(speaker, `a speaker with id ${speakerId}`).toBeDefined();
    expect(await h1(page)).toContain(speaker!.name);

    await page.goBack();
    const topicUrl = await follow(page, new RegExp(`^${BASE}topics/[^/]+/$`));
    const topicId = topicUrl.split('/').at(-2);
    const topic = site.archive.articles.flatMap((a) => a.topics).find((t) => t.id === topicId);
    expect(topic, `a topic with id ${topicId}`).toBeDefined();
    expect(await h1(page)).toContain(topic!.label);
  });

  it('reaches a speaker page and a topic page from the home page through the indexes', async () => {
    const page = await open('');
    await follow(page, new RegExp(`^${BASE}speakers/$`));
    await follow(page, new RegExp(`^${BASE}speakers/[^/]+/$`));
    expect(await page.locator('h1').count()).toBe(1);
    await page.goto(server.home);
    await follow(page, new RegExp(`^${BASE}topics/$`));
    await follow(page, new RegExp(`^${BASE}topics/[^/]+/$`));
    expect(await page.locator('h1').count()).toBe(1);
  });

  it('finds the article of a seed quote from the search page, and the speaker filter narrows the results', async () => {
    const page = await open('search/');
    const input = page.locator('#search input[type="text"], #search input[type="search"]').first();
    const search = async (query: string): Promise<SearchResults> => {
      await input.fill(query);
      return searchResults(page, query);
    };

    // Every seed quote: a phrase of it (its first six words) finds the article it is in.
    const quoted = site.archive.articles.filter((a) => a.quotes.some((q) => q.speakerId !== null && words(q.text).length >= 4));
    expect(quoted.length, 'seed articles with an attributed quote of four words or more').toBeGreaterThan(0);
    const missed: string[] = [];
    for (const article of site.archive.articles) {
      for (const quote of article.quotes) {
        const phrase = words(quote.text).slice(0, 6).join(' ');
        if (phrase === '') continue;
        const found = await search(phrase);
        if (!found.urls.includes(article.url)) missed.push(`"${phrase}" (${article.url}) → ${found.urls.join(' ') || 'nothing'}`);
      }
    }
    expect(missed.join('\n')).toBe('');

    // And the reader lands on it: following the result opens the article, which holds the quote.
    const first = quoted[0]!;
    const quote = first.quotes.find((q) => q.speakerId !== null && words(q.text).length >= 4)!;
    await search(words(quote.text).slice(0, 6).join(' '));
    await Promise.all([page.waitForURL((url) => url.pathname === first.url), page.locator(`li.pagefind-ui__result a.pagefind-ui__result-link[href="${first.url}"]`).first().click()]);
    expect(words(await page.locator('main').innerText()).join(' ')).toContain(words(quote.text).join(' '));
    await page.goBack();

    // A word several articles share, and a speaker in some but not all of them: ticking the speaker narrows the list to theirs.
    const { word, speaker } = narrowingCase(site.archive.articles);
    const before = await search(word);
    const withSpeaker = new Set(site.archive.articles.filter((a) => a.speakers.some((s) => s.name === speaker)).map((a) => a.url));
    // As a reader would: open the Speaker group of the filter panel, tick the speaker.
    const group = page.locator('details.pagefind-ui__filter-block', { has: page.locator('summary', { hasText: /^\s*speaker\s*$/i }) });
    if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
    await group.locator(`input[type="checkbox"][value="${cssString(speaker)}"]`).check();
    const after = await searchResults(page, word, (n) => n < before.count);
    expect(after.count).toBeGreaterThan(0);
    for (const url of after.urls.filter((u) => u.startsWith(`${BASE}articles/`))) expect(withSpeaker, `${url} is an article naming ${speaker}`).toContain(url);
  });

  it('shows how to browse on the search page when JavaScript is off', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      await page.goto(`${server.home}search/`);
      const links = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links.filter((h) => new RegExp(`^${BASE}(topics|speakers|timeline)/`).test(h)), 'links to browse by topic, speaker or date').not.toEqual([]);
    } finally {
      await noScript.close();
    }
  });

  it('serves the 404 page for a missing URL', async () => {
    const w = await watchedPage(context, server.origin);
    watched.push(w);
    const response = await w.page.goto(`${server.home}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await w.page.locator(`a[href="${BASE}"]`).count(), 'a link home').toBeGreaterThan(0);
  });

  it('links the archive, topic and speaker feeds with <link rel="alternate">, and they are well-formed Atom', async () => {
    const feedsOf = async (path: string): Promise<string[]> => {
      const page = await open(path);
      return page.locator('link[rel="alternate"][type="application/atom+xml"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href') ?? ''));
    };
    const topic = kinds.find((k) => k.kind === 'topics/*/')!;
    const speaker = kinds.find((k) => k.kind === 'speakers/*/')!;
    expect(await feedsOf('')).toContain(`${BASE}feed.xml`);
    expect(await feedsOf(topic.path)).toContain(`${BASE}${topic.path}feed.xml`);
    expect(await feedsOf(speaker.path)).toContain(`${BASE}${speaker.path}feed.xml`);
    for (const path of ['feed.xml', `${topic.path}feed.xml`, `${speaker.path}feed.xml`, 'sitemap.xml']) {
      const response = await context.request.get(`${server.home}${path}`);
      expect(response.status(), path).toBe(200);
      expect(parseXml(await response.text()).name).toBe(path === 'sitemap.xml' ? 'urlset' : 'feed');
    }
  });

  it('lists every page but the 404 page in sitemap.xml, and robots.txt points to it', async () => {
    const sitemap = parseXml(await readFile(join(site.outDir, 'sitemap.xml'), 'utf8'));
    const locs = childrenNamed(sitemap, 'url').map((u) => childNamed(u, 'loc').text);
    const pages = (await allPages(site.outDir)).filter((p) => p !== '404.html').map((p) => `${BASE}${p.split('/').map(encodeURIComponent).join('/')}`);
    expect([...locs].sort()).toEqual([...pages].sort());
    expect(await readFile(join(site.outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${BASE}sitemap.xml`);
  });

  it('writes well-formed Atom feeds with one entry per article they cover', async () => {
    const entries = async (file: string): Promise<string[]> => {
      const feed = parseXml(await readFile(join(site.outDir, file), 'utf8'));
      expect(feed.name, file).toBe('feed');
      return childrenNamed(feed, 'entry').map((e) => childNamed(e, 'link').attributes['href'] ?? '');
    };
    const urls = (articles: readonly ArticleRecord[]): string[] => articles.map((a) => a.url).sort();
    expect((await entries('feed.xml')).sort()).toEqual(urls(site.archive.articles));
    const topics = new Map(site.archive.articles.flatMap((a) => a.topics.map((t) => [t.id, t] as const)));
    const speakers = new Map(site.archive.articles.flatMap((a) => a.speakers.map((sp) => [sp.id, sp] as const)));
    expect(topics.size).toBeGreaterThan(0);
    expect(speakers.size).toBeGreaterThan(0);
    for (const id of topics.keys()) {
      expect((await entries(`topics/${id}/feed.xml`)).sort(), id).toEqual(urls(site.archive.articles.filter((a) => a.topics.some((t) => t.id === id))));
    }
    for (const id of speakers.keys()) {
      const covered = site.archive.articles.filter((a) => a.speakers.some((sp) => sp.id === id) || a.quotes.some((q) => q.speakerId === id));
      expect((await entries(`speakers/${id}/feed.xml`)).sort(), id).toEqual(urls(covered));
    }
  });

  it('links every feed from its page, and every linked feed exists', async () => {
    const linked = new Set<string>();
    for (const path of await allPages(site.outDir)) {
      const html = await readFile(join(site.outDir, path.endsWith('/') || path === '' ? `${path}index.html` : path), 'utf8');
      for (const [tag] of html.matchAll(/<link\b[^>]*type="application\/atom\+xml"[^>]*>/g)) {
        const href = /href="([^"]*)"/.exec(tag)?.[1] ?? '';
        expect(href.startsWith(BASE), `${path}: ${href}`).toBe(true);
        linked.add(href.slice(BASE.length));
      }
    }
    const feeds = (await readdir(site.outDir, { recursive: true })).filter((f) => f.endsWith('feed.xml')).map((f) => f.split(sep).join('/'));
    expect([...linked].sort()).toEqual([...feeds].sort());
  });

  it('has every kind of page', () => {
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['home', 'articles/*/', 'topics/', 'topics/*/', 'speakers/', 'speakers/*/', 'search/', '404.html']));
  });

  it('has no axe-core violations on any kind of page, in light and dark mode', async () => {
    const failures: string[] = [];
    const page = await open('');
    for (const { kind, path } of kinds) {
      await page.goto(`${server.home}${path}`);
      // Dark mode changes colours only: it is checked for contrast.
      for (const [colorScheme, rules] of [['light', undefined], ['dark', ['color-contrast', 'link-in-text-block']]] as const) {
        await page.emulateMedia({ colorScheme });
        const violations = await runAxe(page, rules);
        if (violations.length > 0) failures.push(`${kind} (${path}, ${colorScheme}):\n${describeViolations(violations)}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    // The search page with results and filters showing.
    const search = await open('search/');
    await search.locator('#search input[type="text"], #search input[type="search"]').first().fill(words(site.archive.articles[0]!.title)[0] ?? 'the');
    await search.locator('.pagefind-ui__result').first().waitFor();
    const violations = await runAxe(search);
    if (violations.length > 0) failures.push(`search/ with results:\n${describeViolations(violations)}`);
    expect(failures.join('\n\n')).toBe('');
  });

  it('is readable at 320 px wide: no page scrolls sideways', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await narrow.newPage();
      const wide: string[] = [];
      for (const { kind, path } of kinds) {
        await page.goto(`${server.home}${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${kind} (${path}): ${width}px`);
      }
      expect(wide).toEqual([]);
    } finally {
      await narrow.close();
    }
  });

  it('starts every page with a skip link to the main content, and shows where the focus is', async () => {
    const page = await open('');
    const problems: string[] = [];
    for (const { kind, path } of kinds) {
      await page.goto(`${server.home}${path}`);
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const a = document.activeElement;
        if (!(a instanceof HTMLAnchorElement)) return { skip: false, target: false, visible: false };
        const href = a.getAttribute('href') ?? '';
        const style = getComputedStyle(a);
        const visible = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
        return { skip: href.startsWith('#'), target: href.length > 1 && document.getElementById(href.slice(1)) !== null, visible };
      });
      if (!focus.skip || !focus.target) problems.push(`${kind}: the first Tab does not reach a skip link to an existing target`);
      if (!focus.visible) problems.push(`${kind}: the focused skip link shows no outline or focus ring`);
    }
    expect(problems).toEqual([]);
  });

  it('made no request off the site, opened no dialog and logged no error on any page it opened', () => {
    expect(watched.flatMap((w) => w.offsite)).toEqual([]);
    expect(watched.flatMap((w) => w.dialogs)).toEqual([]);
    // The deliberate visit to a missing page logs its 404 in the console; nothing else may.
    expect(watched.flatMap((w) => w.errors).filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e))).toEqual([]);
  });
});

interface SearchResults {
  /** How many results Pagefind's UI says there are. */
  count: number;
  /** The page URL of every result, after loading them all. */
  urls: string[];
}

/**
 * Waits until Pagefind's UI has answered `query` (and, if given, its count passes `settled`), loads every
 * result ("Load more results"), and returns them.
 */
async function searchResults(page: Page, query: string, settled: (count: number) => boolean = () => true): Promise<SearchResults> {
  let count = -1;
  await expect
    .poll(async () => {
      const message = (await page.locator('.pagefind-ui__message').textContent({ timeout: 1000 }).catch(() => null)) ?? '';
      const match = /^(?:(\d+) results?|No results) for (.*)$/.exec(message.trim());
      count = match && match[2] === query ? Number(match[1] ?? 0) : -1;
      return count >= 0 && settled(count);
    }, { timeout: 10_000, message: `Pagefind answers "${query}"` })
    .toBe(true);
  const more = page.locator('.pagefind-ui__button', { hasText: /more/i });
  while (await more.isVisible()) await more.click();
  // Each result is a list item; its first link is the page, further ones are sub-results (headings on it).
  const links = (): Promise<string[]> =>
    page.locator('li.pagefind-ui__result').evaluateAll((lis) => lis.map((li) => li.querySelector('a.pagefind-ui__result-link')?.getAttribute('href') ?? ''));
  await expect.poll(async () => (await links()).filter(Boolean).length, { timeout: 10_000, message: `${count} results for "${query}" shown` }).toBe(count);
  return { count, urls: await links() };
}

/** The words of a text, without punctuation, as a searcher would type them. */
function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

/** A word (five letters or more) in several article bodies, and a speaker named by some but not all of those articles. */
function narrowingCase(articles: readonly ArticleRecord[]): { word: string; speaker: string } {
  const bodies = articles.map((a) => new Set(words(`${a.title} ${a.body}`.toLowerCase())));
  const candidates = [...new Set(bodies.flatMap((b) => [...b]))].filter((w) => w.length >= 5 && /^\p{L}+$/u.test(w)).sort();
  for (const word of candidates) {
    const having = articles.filter((_, i) => bodies[i]!.has(word));
    if (having.length < 2) continue;
    const names = [...new Set(having.flatMap((a) => a.speakers.map((s) => s.name)))].sort();
    const speaker = names.find((n) => having.some((a) => !a.speakers.some((s) => s.name === n)));
    if (speaker !== undefined) return { word, speaker };
  }
  throw new Error('no word shared by two seed articles with different speakers');
}
