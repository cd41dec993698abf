import { watch, type FSWatcher } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from '../build/build.js';
import { normaliseBasePath } from './site-urls.js';
import { createStaticServer } from './static-server.js';

/** What `news-archive serve` needs; the CLI's parsed options fit as they are. */
export interface ServeOptions {
  /** Folder of articles; watched, recursively. */
  contentDir: string;
  /** Folder the site is built into and served from. */
  outDir: string;
  /** URL path the site is served under, e.g. `/` or `/news/archive/`. */
  basePath: string;
  /** Absolute site URL for canonical links and feeds, or null. */
  siteUrl: string | null;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Host to listen on. Default `localhost`. */
  host?: string;
  strict?: boolean;
  /** Reuse extraction results from `.cache/`. Default true. */
  cache?: boolean;
  verbose?: boolean;
  /** Wait this long after the last change before rebuilding, in milliseconds. Default 150. */
  debounceMs?: number;
  /** Where messages go. Default `process.stderr`. */
  log?: (line: string) => void;
}

/** A running development server. */
export interface SiteServer {
  /** The site's address, e.g. `http://localhost:8080/news/archive/`. */
  url: string;
  /** Builds completed so far (the first one included). */
  builds(): number;
  /** Resolves when the build running now (if any) and any queued one have finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the site once, serves `outDir` over HTTP under the base path, and rebuilds the whole site
 * (with `build()`, so pages, feeds and search are as in production) whenever a file under
 * `contentDir` changes. Changes that arrive during a build queue one more build. Resolves once the
 * first build is done and the server listens. Reload the browser to see a rebuild.
 */
export async function startSiteServer(options: ServeOptions): Promise<SiteServer> {
  const basePath = normaliseBasePath(options.basePath);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let completed = 0;
  let running: Promise<void> | null = null;
  let queued = false;

  const runBuild = async (): Promise<void> => {
    try {
      const result = await build({
        contentDir: options.contentDir,
        outDir: options.outDir,
        basePath,
        siteUrl: options.siteUrl,
        strict: options.strict ?? false,
        cache: options.cache ?? true,
        verbose: options.verbose ?? false,
      });
      completed += 1;
      if (result.exitCode !== 0) log('news-archive serve: the build reported problems (above); serving what was built');
    } catch (error) {
      completed += 1;
      log(`news-archive serve: build failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const rebuild = (): Promise<void> => {
    if (running) {
      queued = true;
      return running;
    }
    running = (async () => {
      do {
        queued = false;
        await runBuild();
      } while (queued);
      running = null;
    })();
    return running;
  };

  await rebuild();

  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(resolve(options.contentDir), { recursive: true }, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        log('news-archive serve: content changed, rebuilding');
        void rebuild();
      }, options.debounceMs ?? 150);
    });
  } catch (error) {
    log(`news-archive serve: cannot watch ${options.contentDir} (${error instanceof Error ? error.message : String(error)}); serving without rebuilds`);
  }

  const server: Server = createStaticServer(resolve(options.outDir), basePath);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? 'localhost', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? 'localhost'}:${port}${basePath}`;

  return {
    url,
    builds: () => completed,
    idle: async () => {
      while (running || timer) {
        await (running ?? new Promise((r) => setTimeout(r, 20)));
      }
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      watcher?.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await running;
    },
  };
}

/**
 * `news-archive serve` (`npm start`): `startSiteServer(options)`, then prints the URL and runs until
 * the process receives SIGINT or SIGTERM (Ctrl-C), when it closes the server and resolves.
 *
 * @param options contentDir, outDir, basePath, siteUrl, port (0 = any free port), and optionally
 *   host (default `localhost`), strict, cache (default true), verbose, debounceMs (default 150), log.
 */
export async function serveSite(options: ServeOptions): Promise<void> {
  const server = await startSiteServer(options);
  (options.log ?? ((line: string) => process.stderr.write(`${line}\n`)))(
    `news-archive serve: ${server.url} (rebuilds when ${options.contentDir} changes; Ctrl-C stops)`,
  );
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
