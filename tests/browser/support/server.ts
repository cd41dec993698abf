import type { AddressInfo } from 'node:net';
import { createStaticServer } from '../../../src/render/static-server.js';

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Origin plus the base path: where the site's home page is. */
  home: string;
  close(): Promise<void>;
}

/**
 * Serves `root` under `basePath` on 127.0.0.1 at a random port with the server `news-archive serve` uses,
 * as a static host would: `x/` → `x/index.html`, `x` (a folder) → redirect to `x/`, anything else missing
 * → `404.html` with status 404.
 */
export async function serveStatic(root: string, basePath = '/'): Promise<StaticServer> {
  const server = createStaticServer(root, basePath);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    home: `${origin}${basePath}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
