import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
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
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A small static file server for a built site, as a host would serve it under `basePath`: folders
 * answer with their `index.html` (and redirect to the URL with a trailing slash), anything missing
 * gets `404.html` with status 404, nothing outside `root` is ever read. Not cached, so a rebuilt
 * site shows on reload.
 */
export function createStaticServer(root: string, basePath: string): Server {
  const top = resolve(root);
  return createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        path = '';
      }
      if (!path.startsWith(basePath)) {
        if (`${path}/` === basePath || path === '/') {
          response.writeHead(302, { location: basePath });
          response.end();
          return;
        }
        path = '\u0000';
      }
      const relative = path.slice(basePath.length);
      const file = resolve(top, relative);
      const inside = file === top || file.startsWith(top + sep);
      let target: string | null = null;
      if (inside && !relative.includes('\u0000')) {
        if (await isFile(file)) target = file;
        else if (await isDirectory(file)) {
          if (!path.endsWith('/')) {
            response.writeHead(301, { location: `${url.pathname}/${url.search}` });
            response.end();
            return;
          }
          if (await isFile(join(file, 'index.html'))) target = join(file, 'index.html');
        }
      }
      const status = target ? 200 : 404;
      if (!target) {
        const notFound = join(top, '404.html');
        target = (await isFile(notFound)) ? notFound : null;
      }
      if (!target) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Not found\n');
        return;
      }
      response.writeHead(status, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      createReadStream(target).on('error', () => response.destroy()).pipe(response);
    })();
  });
}
