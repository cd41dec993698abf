import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleArchive } from '../src/archive/assemble.js';
import { renderSite } from '../src/render/render-site.js';
import { sampleInputs } from './render-sample-archive.js';

/*
 * The paginated templates are Eleventy layouts, and Eleventy keeps compiled layouts in one cache per thread, keyed by
 * path: `runEleventy` empties it around each run and runs one at a time, so renders of other sites (other base paths,
 * other site URLs) started together on one thread still each get their own pages.
 */
describe('runEleventy', { timeout: 120_000 }, () => {
  it('renders sites with other options started together on one thread as each alone', async () => {
    const sites = [
      { basePath: '/one/', siteUrl: 'https://one.example' },
      { basePath: '/two/', siteUrl: null },
      { basePath: '/', siteUrl: 'https://three.example' },
    ];
    const dirs = await Promise.all(sites.map(() => mkdtemp(join(tmpdir(), 'news-archive-run-'))));
    try {
      await Promise.all(
        sites.map((site, i) => renderSite(assembleArchive(sampleInputs(), { basePath: site.basePath }), { outDir: dirs[i]!, ...site, worker: false })),
      );
      for (const [i, site] of sites.entries()) {
        const pages = (await readdir(dirs[i]!, { recursive: true })).filter((f) => /^(articles|speakers|topics|quotes|timeline)\/.+\/index\.html$/.test(f));
        expect(pages.length).toBeGreaterThan(5);
        for (const page of pages) {
          const html = await readFile(join(dirs[i]!, page), 'utf8');
          expect(html).toContain(`<link rel="stylesheet" href="${site.basePath}style.css">`);
          if (site.siteUrl) expect(html).toContain(`<link rel="canonical" href="${site.siteUrl}${site.basePath}${page.replace(/index\.html$/, '')}">`);
          else expect(html).not.toContain('rel="canonical"');
        }
      }
    } finally {
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    }
  });
});
