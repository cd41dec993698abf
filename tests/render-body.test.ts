import { describe, expect, it } from 'vitest';
import { renderBody } from '../src/render/body-html.js';
import { scriptSafeJson } from '../src/render/json-ld.js';

const peskov = { name: 'Dmitry Peskov', url: '/sub/speakers/dmitry-peskov/' };

describe('renderBody', () => {
  it('drops raw HTML, scripts, event attributes and javascript: links', () => {
    const { html } = renderBody('Hi <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="javascript:x">y</a>\n', []);
    expect(html).not.toMatch(/<script|onerror|javascript:|<img/i);
  });
  it('turns images into their alt text (no request leaves the site)', () => {
    expect(renderBody('![A photo](https://example.com/a.jpg)\n', []).html).toBe('<p>A photo</p>\n');
  });
  it('starts headings at h2 and never skips a level', () => {
    expect(renderBody('# One\n\n#### Four\n\n## Two\n', []).html).toBe('<h2>One</h2>\n<h3>Four</h3>\n<h2>Two</h2>\n');
  });
  it('marks a quote with its speaker after the closing quotation mark', () => {
    const { html, marked } = renderBody('“We are ready,” Peskov said.\n', [{ id: 'q-a-1', text: 'We are ready,', speaker: peskov }]);
    expect(html).toBe('<p>“<q id="user-content-q-a-1">We are ready,</q>”<sup><a href="/sub/speakers/dmitry-peskov/">Dmitry Peskov</a></sup> Peskov said.</p>\n');
    expect([...marked]).toEqual(['q-a-1']);
  });
  it('says when a quote is unattributed, and prefers the words inside quotation marks', () => {
    const { html } = renderBody('## Ready now\n\nReady now, he said: "Ready now".\n', [{ id: 'q-a-1', text: 'Ready now', speaker: null }]);
    expect(html).toContain('"<q id="user-content-q-a-1">Ready now</q>"<sup>unattributed</sup>');
    expect(html).toContain('<h2>Ready now</h2>');
  });
  it('matches across differences of white space, and leaves quotes it cannot find unmarked', () => {
    const { marked } = renderBody('He said "no\nway at   all" then.\n', [
      { id: 'q1', text: 'no way at all', speaker: null },
      { id: 'q2', text: 'not in the text', speaker: null },
    ]);
    expect([...marked]).toEqual(['q1']);
  });
  it('escapes quote text and speaker names', () => {
    const { html } = renderBody('“<b>x</b> & y” he said\n', [{ id: 'q1', text: '<b>x</b> & y', speaker: { name: '<i>Evil</i>', url: '/s/' } }]);
    expect(html).not.toContain('<i>');
  });
  it('handles thousands of quotes in one article in bounded time', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `“Quote number ${i} here,” he said.`).join('\n\n');
    const marks = Array.from({ length: 3000 }, (_, i) => ({ id: `q${i}`, text: `Quote number ${i} here,`, speaker: null }));
    const start = performance.now();
    const { marked } = renderBody(body, marks);
    expect(marked.size).toBe(3000);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});

describe('scriptSafeJson', () => {
  it('cannot close its script element', () => {
    const json = scriptSafeJson({ text: '</script><script>alert(1)</script> & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script> & \u2028' });
  });
});

describe('renderBody: where the speaker goes', () => {
  it('after punctuation that closes the quote with its quotation mark', () => {
    const { html } = renderBody('“We are ready,” Peskov said.\n', [{ id: 'q1', text: 'We are ready', speaker: { name: 'P', url: '/s/' } }]);
    expect(html).toBe('<p>“<q id="user-content-q1">We are ready</q>,”<sup><a href="/s/">P</a></sup> Peskov said.</p>\n');
  });
});
