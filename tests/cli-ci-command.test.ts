import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);

describe('the commands the README gives', () => {
  it('start the README, and CI runs exactly its test command', async () => {
    const readme = await readFile(new URL('README.md', root), 'utf8');
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock.split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm ci && npm run build', 'npm ci && npm test']);
    const ci = await readFile(new URL('.ci/run', root), 'utf8');
    const lines = ci.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines.at(-1)).toBe(commands[1]);
  });

  it('npm run build runs the command line build, which takes --content and --out after --', async () => {
    const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/node dist\/src\/cli\/main\.js build$/);
    expect(pkg.scripts.start).toMatch(/node dist\/src\/cli\/main\.js serve$/);
    expect(pkg.bin['news-archive']).toBe('dist/src/cli/main.js');
  });
});
