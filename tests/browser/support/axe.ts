import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One axe-core violation, flattened for a readable failure message. */
export interface Violation {
  rule: string;
  impact: string;
  help: string;
  /** Selectors of the offending elements. */
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now: all its rules but the experimental ones, or only `rules`.
 * The script is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
 * govern, so the page's own CSP stays in force for everything else the test checks.
 */
export async function runAxe(page: Page, rules?: readonly string[]): Promise<Violation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (only) => {
    const runner = (globalThis as unknown as { axe: typeof axe }).axe;
    const results = await runner.run(document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, rules ? [...rules] : null);
}

/** `rule (impact): help — targets`, one line per violation. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.rule} (${v.impact}): ${v.help} — ${v.targets.slice(0, 5).join(', ')}`).join('\n');
}
