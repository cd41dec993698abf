import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it with apt-get. No browser is ever downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here. In CI a missing Chromium is a failure, not a skip. */
export const haveChromium = existsSync(CHROMIUM) || process.env['CI'] === 'true';

/** Launches Chromium headless with the arguments ENVIRONMENT.md gives. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records what it must never do: request anything off the test server, open a dialog, throw. */
export interface WatchedPage {
  page: Page;
  /** URLs requested outside the site's origin (they are aborted). */
  offsite: string[];
  /** Messages of dialogs that opened (they are dismissed). */
  dialogs: string[];
  /** Uncaught errors in the page, and console errors (CSP violations show up here). */
  errors: string[];
}

/** Contexts whose requests are already routed, with the pages opened in them. */
const routed = new WeakMap<BrowserContext, WatchedPage[]>();

/** Opens a page in `context`; every request in the context that leaves `origin` is aborted and recorded. */
export async function watchedPage(context: BrowserContext, origin: string): Promise<WatchedPage> {
  let pages = routed.get(context);
  if (pages === undefined) {
    const all: WatchedPage[] = [];
    pages = all;
    routed.set(context, all);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      const owner = all.find((w) => w.page === route.request().frame().page()) ?? all[0];
      owner?.offsite.push(url);
      return route.abort();
    });
  }
  const page = await context.newPage();
  const watched: WatchedPage = { page, offsite: [], dialogs: [], errors: [] };
  pages.push(watched);
  page.on('dialog', (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('requestfailed', (request: Request) => {
    // ERR_ABORTED: the page moved on or closed before the file came; not the file's fault.
    const error = request.failure()?.errorText ?? '';
    if (request.url().startsWith(origin) && !error.includes('ERR_ABORTED')) watched.errors.push(`request failed: ${request.url()} ${error}`);
  });
  page.on('response', (response) => {
    // A missing page is a test of its own; a missing stylesheet, script or image is a broken page.
    if (response.status() >= 400 && !response.request().isNavigationRequest()) watched.errors.push(`${response.status()} ${response.url()}`);
  });
  return watched;
}
