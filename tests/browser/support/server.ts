import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Origin plus the base path: where the site's home page is. */
  home: string;
  close(): Promise<void>;
}

/**
 * Serves `root` under `basePath` on 127.0.0.1 at a random port, as a static host would:
 * `x/` → `x/index.html`, `x` (a folder) → redirect to `x/`, anything else missing → `404.html` with status 404.
 */
export async function serveStatic(root: string, basePath = '/'): Promise<StaticServer> {
  const top = resolve(root);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        pathname = '';
      }
      const file = pathname.startsWith(basePath) ? resolve(top, `.${sep}${pathname.slice(basePath.length)}`) : null;
      const inside = file !== null && (file === top || file.startsWith(top + sep));
      const found = inside ? await fileFor(file, pathname) : null;
      if (found?.redirect) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const path = found?.path ?? join(top, '404.html');
      const status = found ? 200 : 404;
      const info = await stat(path).catch(() => null);
      if (!info) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(status, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': info.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(path).pipe(res);
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    home: `${origin}${basePath}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function fileFor(file: string, pathname: string): Promise<{ path: string; redirect: boolean } | null> {
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return { path: file, redirect: false };
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return { path: file, redirect: true };
    const index = join(file, 'index.html');
    if ((await stat(index).catch(() => null))?.isFile()) return { path: index, redirect: false };
  }
  return null;
}
