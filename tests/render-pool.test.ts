import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleArchive } from '../src/archive/assemble.js';
import { templatesDir } from '../src/render/paths.js';
import { collectGarbage } from '../src/render/collect-garbage.js';
import { RenderPool } from '../src/render/render-pool.js';
import { portableJob, renderJob, slimSiteData, type RenderJob } from '../src/render/render-job.js';
import { siteData } from '../src/render/site-data.js';
import { sampleInputs } from './render-sample-archive.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'news-archive-pool-'));
  dirs.push(dir);
  return dir;
}

async function files(dir: string): Promise<Map<string, string>> {
  const list = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return new Map(await Promise.all(list.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
}

/** One job of each kind of page rendered one per item, for the sample archive, written to `outDir`. */
function jobs(outDir: string): RenderJob[] {
  const options = { basePath: '/', siteUrl: 'https://example.org' };
  const archive = assembleArchive(sampleInputs(), { basePath: '/' });
  const data = siteData(archive, options);
  const context = { templates: templatesDir(), outDir, options, data: slimSiteData(data) };
  const list = archive.articles;
  const items = list.map((article, i) => ({ article, older: list[i + 1] ?? null, newer: list[i - 1] ?? null }));
  return [
    { ...context, kind: 'articles', items: items.map(({ article, older, newer }) => ({ article, older: older && { title: older.title, url: older.url }, newer: newer && { title: newer.title, url: newer.url } })) },
    { ...context, kind: 'speakers', items: data.speakers },
    { ...context, kind: 'topics', items: data.topics },
    { ...context, kind: 'quoteMonths', items: data.quoteMonths },
    { ...context, kind: 'timelineYears', items: data.timeline.years },
  ];
}

describe('RenderPool', { timeout: 120_000 }, () => {
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('renders jobs on worker threads to the same bytes as this thread does', async () => {
    const here = await tempDir();
    for (const job of jobs(here)) await renderJob(job);
    const there = await tempDir();
    const pool = new RenderPool(2);
    try {
      await Promise.all(jobs(there).map((job) => pool.render(job)));
    } finally {
      await pool.close();
    }
    const expected = await files(here);
    expect(expected.size).toBeGreaterThan(15);
    expect(await files(there)).toEqual(expected);
  });

  it('gives each worker the heap limits asked for', async () => {
    const pool = new RenderPool(2, { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 });
    try {
      expect(pool.size).toBe(2);
      for (const limits of pool.resourceLimits()) expect(limits).toMatchObject({ maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 });
    } finally {
      await pool.close();
    }
  });

  it('reports a job that fails, and goes on rendering the next', async () => {
    const out = await tempDir();
    const pool = new RenderPool(1);
    try {
      const [good] = jobs(out);
      await expect(pool.render({ ...good!, templates: join(out, 'no-such-templates') })).rejects.toThrow(/worker thread failed/);
      await pool.render(good!);
      expect([...(await files(out)).keys()].filter((f) => f.startsWith('articles/')).length).toBe(good!.items.length);
    } finally {
      await pool.close();
    }
  });

  it('lets a job go once it is sent to its thread, before it is rendered', async () => {
    const out = await tempDir();
    const pool = new RenderPool(1);
    try {
      const all = jobs(out);
      const firstDone = pool.render(all.shift()!);
      // The second waits for the thread; nothing but the pool holds it.
      const submit = (job: RenderJob): { sent: WeakRef<object>; done: Promise<number> } => ({ sent: new WeakRef(job.items), done: pool.render(job) });
      const second = submit(all.shift()!);
      all.length = 0;
      await firstDone;
      // The thread took the second job as it gave its answer to the first: it is rendering it now.
      collectGarbage();
      expect(second.sent.deref()).toBeUndefined();
      expect(await second.done).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('sends a job without the quotes\' URLs and the records\' files and messages, and it renders the same bytes', async () => {
    const here = await tempDir();
    const there = await tempDir();
    const sent = jobs(there).map(portableJob);
    const kinds = new Map(sent.map((job) => [job.kind, job]));
    const speakers = kinds.get('speakers');
    const topics = kinds.get('topics');
    const months = kinds.get('quoteMonths');
    const articles = kinds.get('articles');
    if (speakers?.kind !== 'speakers' || topics?.kind !== 'topics' || months?.kind !== 'quoteMonths' || articles?.kind !== 'articles') throw new Error('a kind of job is missing');
    const speakerQuotes = speakers.items.flatMap((p) => p.quotes);
    const groupSources = months.items.flatMap((m) => m.quotes.flatMap((q) => q.sources));
    expect(speakerQuotes.length).toBeGreaterThan(3);
    expect(groupSources.length).toBeGreaterThan(3);
    for (const quote of [...speakerQuotes, ...topics.items.flatMap((p) => p.quotes), ...groupSources]) expect(quote).not.toHaveProperty('url');
    // A quote listed again under a topic is the same object, sent once.
    for (const page of speakers.items) for (const t of page.topics) for (const q of t.quotes) expect(page.quotes).toContain(q);
    for (const { article } of articles.items) {
      expect(article).not.toHaveProperty('messages');
      expect(article).not.toHaveProperty('file');
      expect(article.body.length).toBeGreaterThan(0);
    }
    for (const job of jobs(here)) await renderJob(job);
    for (const job of sent) await renderJob(structuredClone(job));
    const expected = await files(here);
    expect(expected.size).toBeGreaterThan(15);
    expect(await files(there)).toEqual(expected);
  });
});
