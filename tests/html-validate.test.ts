import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHtmlPages } from '../src/publish/sitemap.js';
import { HOSTILE } from './browser/support/hostile-articles.js';
import { buildSite, type BuiltSite } from './browser/support/site.js';

/**
 * html-validate's recommended rules, on every page of the seeds' site. Rules are turned off here only when
 * they contradict valid HTML the site must write; each says why.
 */
const config: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Search-engine advice, not validity: an article page's <title> is the article's own headline, which the
    // site shows whole rather than cut at 70 characters.
    'long-title': 'off',
  },
};

let site: BuiltSite;
let siteWithUrl: BuiltSite;
let hostile: BuiltSite;

describe('html-validate', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    // Under a base path and with a site URL (canonical and Open Graph links), so every optional part is written.
    // And with markup pasted into articles, which must come out as valid HTML too.
    [site, siteWithUrl, hostile] = await Promise.all([
      buildSite({ basePath: '/' }),
      buildSite({ basePath: '/sub/path/', siteUrl: 'https://example.org' }),
      buildSite({ basePath: '/', extra: HOSTILE }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await site?.remove();
    await siteWithUrl?.remove();
    await hostile?.remove();
  });

  for (const which of ['at the root', 'under a base path with a site URL', 'with hostile articles'] as const) {
    it(`finds 0 errors on every page, ${which}`, async () => {
      const built = { 'at the root': site, 'under a base path with a site URL': siteWithUrl, 'with hostile articles': hostile }[which];
      const validator = new HtmlValidate(config);
      const pages = await listHtmlPages(built.outDir);
      expect(pages.length).toBeGreaterThan(5);
      const problems: string[] = [];
      for (const file of pages) {
        const html = await readFile(join(built.outDir, file), 'utf8');
        const report = await validator.validateString(html, file);
        for (const result of report.results) {
          for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
        }
      }
      expect(problems.join('\n')).toBe('');
    });
  }
});
