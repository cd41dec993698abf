import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium, watchedPage, type WatchedPage } from './support/chromium.js';
import { allPages } from './support/pages.js';
import { serveStatic, type StaticServer } from './support/server.js';
import { buildSite, type BuiltSite } from './support/site.js';
import { HOSTILE } from './support/hostile-articles.js';
import { allElements, parseXml } from './support/xml.js';

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

describe.skipIf(!haveChromium)('pasted markup never runs in a reader’s browser', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    [site, browser] = await Promise.all([buildSite({ extra: HOSTILE }), launchChromium()]);
    server = await serveStatic(site.outDir, '/');
    context = await browser.newContext();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  it('builds the hostile articles into the site', () => {
    const files = site.archive.articles.map((a) => a.file);
    for (const file of Object.keys(HOSTILE)) expect(files).toContain(file);
  });

  it('opens no dialog and leaves no injected element on any page, even when hovered and clicked', async () => {
    const pages = await allPages(site.outDir);
    const problems: string[] = [];
    const watched: WatchedPage[] = [];
    const w = await watchedPage(context, server.origin);
    watched.push(w);
    for (const path of pages) {
      await w.page.goto(`${server.home}${path}`);
      const found = await w.page.evaluate(injectedElements, server.home);
      for (const f of found) problems.push(`${path}: ${f}`);
    }
    await w.page.close();
    // The hostile article pages get the mouse and the keyboard as well: every element in them is hovered, focused and clicked.
    for (const article of site.archive.articles.filter((a) => Object.keys(HOSTILE).includes(a.file))) {
      const w = await watchedPage(context, server.origin);
      watched.push(w);
      await w.page.goto(`${server.origin}${article.url}`);
      await w.page.evaluate(() => {
        for (const e of Array.from(document.querySelectorAll('body *'))) {
          if (e.closest('a[href], form')) continue; // following a link or sending a form would leave the page
          for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'dblclick']) e.dispatchEvent(new Event(type, { bubbles: true }));
        }
      });
      await w.page.waitForTimeout(100);
      expect(await w.page.evaluate(injectedElements, server.home), article.file).toEqual([]);
      await w.page.close();
    }
    expect(problems.join('\n')).toBe('');
    expect(watched.flatMap((w) => w.dialogs)).toEqual([]);
    expect(watched.flatMap((w) => w.offsite)).toEqual([]);
  });

  it('shows no dialog when Pagefind lists the hostile articles on the search page', async () => {
    const w = await watchedPage(context, server.origin);
    await w.page.goto(`${server.home}search/`);
    for (const query of ['council', 'alert', 'script', 'minister']) {
      await w.page.locator('#search input[type="text"], #search input[type="search"]').first().fill(query);
      await w.page.locator('.pagefind-ui__message').filter({ hasText: query }).waitFor();
      await w.page.waitForTimeout(300);
      expect(await w.page.evaluate(injectedElements, server.home), query).toEqual([]);
    }
    expect(w.dialogs).toEqual([]);
    await w.page.close();
  });

  it('keeps every feed and the sitemap well-formed, with the pasted markup as text', async () => {
    const files = (await readdir(site.outDir, { recursive: true })).filter((f) => f.endsWith('.xml'));
    expect(files).toContain('feed.xml');
    for (const file of files) {
      const root = parseXml(await readFile(join(site.outDir, file), 'utf8'));
      const names = allElements(root).map((e) => e.name);
      for (const name of ['script', 'img', 'svg', 'iframe', 'a', 'div']) expect(names, `${file} has no <${name}> element`).not.toContain(name);
    }
  });
});

/**
 * Runs in the page: everything that could run script and did not come from the site's own templates —
 * scripts other than the site's files and JSON-LD, event-handler attributes, `javascript:` URLs,
 * frames and embeds, images pointing at `x`.
 */
function injectedElements(home: string): string[] {
  const found: string[] = [];
  const describe = (e: Element): string => e.outerHTML.slice(0, 160);
  for (const script of Array.from(document.querySelectorAll('script'))) {
    const src = script.getAttribute('src');
    if (src !== null) {
      if (!new URL(src, location.href).href.startsWith(home)) found.push(`foreign script ${describe(script)}`);
    } else if (script.type === 'application/ld+json') {
      try {
        JSON.parse(script.textContent ?? '');
      } catch {
        found.push(`JSON-LD that does not parse (broken out of?) ${describe(script)}`);
      }
    } else {
      found.push(`inline script ${describe(script)}`);
    }
  }
  for (const e of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(e.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`event handler ${attr.name} on ${describe(e)}`);
      // Pagefind's own search form has action="javascript:void(0);" so that Enter does not reload the page.
      const pagefindForm = e.classList.contains('pagefind-ui__form') && attr.name === 'action' && attr.value === 'javascript:void(0);';
      const urlAttribute = /^(href|src|action|formaction|xlink:href|data|poster|background)$/i.test(attr.name);
      const scriptUrl = /^\s*(javascript|vbscript):/i.test(attr.value);
      // A data: URL can carry a page or a script where a link, frame or form leads; as an icon or image it is inert.
      const dataDocument = /^\s*data:/i.test(attr.value) && /^(a|area|iframe|frame|object|embed|form|button|base|script)$/i.test(e.localName);
      if (attr.name.toLowerCase() === 'srcdoc') found.push(`srcdoc on ${describe(e)}`);
      if (!pagefindForm && urlAttribute && (scriptUrl || dataDocument)) {
        found.push(`${attr.name}=${attr.value} on ${describe(e)}`);
      }
    }
  }
  for (const e of Array.from(document.querySelectorAll('iframe, frame, object, embed, base, img[src="x"], svg[onload], meta[http-equiv="refresh" i]'))) {
    found.push(`element ${describe(e)}`);
  }
  if ((document.body.textContent ?? '').length === 0) found.push('empty page');
  return found;
}
