import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '../src/render/serve.js';

const article = (title: string, date: string): string =>
  `---\ntitle: "${title}"\ndate: ${date}\nsource: Test Wire\n---\nMoscow (Test Wire) - “We are ready to talk,” Kremlin spokesman Dmitry Peskov said.\n`;

/** GET without following redirects: status, location and body. */
function get(url: string): Promise<{ status: number; location: string | undefined; body: string }> {
  return new Promise((done, fail) => {
    request(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, location: response.headers.location, body }));
    })
      .on('error', fail)
      .end();
  });
}

describe('serve: the development server', { timeout: 120_000 }, () => {
  let dir: string;
  let server: SiteServer;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'news-archive-serve-'));
    await mkdir(join(dir, 'content'));
    await writeFile(join(dir, 'content', 'first.md'), article('First served article', '2024-05-01'));
    server = await startSiteServer({
      contentDir: join(dir, 'content'),
      outDir: join(dir, 'site'),
      basePath: '/sub/path/',
      siteUrl: null,
      port: 0,
      cache: false,
      debounceMs: 50,
      log: (line) => lines.push(line),
    });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the built site under the base path', async () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/sub\/path\/$/);
    const home = await get(server.url);
    expect(home.status).toBe(200);
    expect(home.body).toContain('First served article');
    expect((await get(`${server.url}style.css`)).status).toBe(200);
  });

  it('redirects folders to their slash, answers 404 with the 404 page, never leaves the site folder', async () => {
    const origin = server.url.replace('/sub/path/', '');
    expect((await get(`${server.url}topics`)).location).toBe('/sub/path/topics/');
    expect((await get(`${origin}/`)).location).toBe('/sub/path/');
    const missing = await get(`${server.url}no/such/page/`);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
    expect((await get(`${server.url}..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('rebuilds when an article is added to the content folder', async () => {
    const before = server.builds();
    await writeFile(join(dir, 'content', 'second.md'), article('Second served article', '2024-06-01'));
    for (let i = 0; i < 200 && server.builds() === before; i += 1) await new Promise((r) => setTimeout(r, 50));
    await server.idle();
    expect(server.builds()).toBeGreaterThan(before);
    expect((await get(server.url)).body).toContain('Second served article');
  });
});
