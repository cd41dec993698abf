import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remarkHtmlOf, renderBody } from '../src/render/body-html.js';
import { articleJsonLd, scriptSafeJson } from '../src/render/json-ld.js';
import { markQuotes, type QuoteMark } from '../src/render/mark-quotes.js';
import { plainHtml } from '../src/render/plain-html.js';
import { parsePlainMarkdown } from '../src/render/plain-markdown.js';
import { tidyBody } from '../src/render/tidy-body.js';

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

describe('markQuotes', () => {
  it('ends on a quote that opens with a character outside the Basic Multilingual Plane (was an endless loop)', () => {
    const { html, marked } = renderBody('> 😀."\f“\n\n“😀 ok,” he said.\n', [
      { id: 'q1', text: '😀."\f“ ', speaker: null },
      { id: 'q2', text: '😀  ok,', speaker: null },
    ]);
    expect([...marked]).toEqual(['q1', 'q2']);
    expect(html).toContain('“<q id="user-content-q2">😀 ok,</q>”');
  });
});

describe('scriptSafeJson', () => {
  it('cannot close its script element', () => {
    const json = scriptSafeJson({ text: '</script><script>alert(1)</script> & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script> & \u2028' });
  });
  it('escapes each of <, >, &, U+2028 and U+2029, and leaves other JSON as JSON.stringify writes it', () => {
    expect(scriptSafeJson({ a: 'x<y>z&\u2028\u2029<' })).toBe('{"a":"x\\u003cy\\u003ez\\u0026\\u2028\\u2029\\u003c"}');
    expect(scriptSafeJson({ a: 'plain “text”', b: [1, null] })).toBe(JSON.stringify({ a: 'plain “text”', b: [1, null] }));
  });
});

/** A body's tree as `renderBody` makes it (fast-path parse, tidied, quotes marked), or null off the fast path. */
function markedTree(markdown: string, marks: readonly QuoteMark[]): ReturnType<typeof parsePlainMarkdown> {
  const tree = parsePlainMarkdown(markdown);
  if (tree === null) return null;
  tidyBody(tree);
  markQuotes(tree, marks);
  return tree;
}

describe('plainHtml (fast path for remark-html)', () => {
  it('writes what remark-html writes for paragraphs, headings, block quotes and marked quotes', () => {
    const body = '# Head\n\nHe said “ready now, not later,” she said.\n\n> Quoted words here\n> and on.\n\n#### Deep\n\nLast “one.”\n';
    const marks: QuoteMark[] = [
      { id: 'q-a-1', text: 'ready now, not later,', speaker: { name: 'A & <B>', url: '/speakers/a-b/' } },
      { id: 'q-a-2', text: 'Quoted words here and on.', speaker: null },
      { id: 'q-a-3', text: 'one.', speaker: peskov },
    ];
    const tree = markedTree(body, marks);
    expect(tree).not.toBeNull();
    const html = plainHtml(tree!);
    expect(html).toBe(remarkHtmlOf(tree!));
    expect(html).toContain('<q id="user-content-q-a-1">ready now, not later,</q>”<sup><a href="/speakers/a-b/">A &#x26; &#x3C;B></a></sup>');
    expect(renderBody(body, marks).html).toBe(html);
  });
  it('declines what it does not copy: other nodes, URLs and ids outside its plain sets, line ends remark-html trims', () => {
    const marked = (url: string, id = 'q1'): ReturnType<typeof parsePlainMarkdown> => markedTree('“Ready,” he said.\n', [{ id, text: 'Ready', speaker: { name: 'N', url } }]);
    expect(plainHtml(marked('https://example.org/s/')!)).toBeNull();
    expect(plainHtml(marked('/s p/')!)).toBeNull();
    expect(plainHtml(marked('/s/', 'q"1')!)).toBeNull();
    expect(plainHtml({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a \nb' }] }] })).toBeNull();
    expect(plainHtml({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: 'b' }] }] }] })).toBeNull();
    expect(plainHtml({ type: 'root', children: [{ type: 'thematicBreak' }] })).toBeNull();
    expect(plainHtml({ type: 'root', children: [] })).toBe(remarkHtmlOf({ type: 'root', children: [] }));
  });
  it('agrees with remark-html on generated bodies and quotes whenever it writes them', () => {
    const pieces = ['word', 'Word', ' ', '  ', '\n', '\n\n', '## ', '# ', '###### ', '> ', '\n\n> ', '“', '”', '"', "'", '.', ',', ':', '>', '\u00a0', '\f', 'é', 'Ж', '😀'];
    const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
    const body = fc.tuple(text, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.boolean(), fc.constantFrom('/s/a/', '/x y/', 'N & <M>')), { maxLength: 4 }));
    let written = 0;
    let quoted = 0;
    fc.assert(
      fc.property(body, ([markdown, cuts]) => {
        // Quotes cut out of the body's own text, so that most are found and marked.
        const flat = markdown.replace(/[#>\n]+/g, ' ');
        const marks: QuoteMark[] = cuts.map(([at, length, attributed, name], i) => {
          const start = flat.length === 0 ? 0 : at % flat.length;
          return { id: `q-${i}`, text: flat.slice(start, start + length), speaker: attributed ? { name, url: name.startsWith('/') ? name : '/s/' } : null };
        });
        const tree = markedTree(markdown, marks);
        if (tree === null) return;
        const html = plainHtml(tree);
        if (html === null) return;
        written += 1;
        if (html.includes('<q ')) quoted += 1;
        expect(html).toBe(remarkHtmlOf(tree));
      }),
      { numRuns: 1000 },
    );
    expect(written).toBeGreaterThan(300);
    expect(quoted).toBeGreaterThan(50);
  });
});

describe('renderBody: where the speaker goes', () => {
  it('after punctuation that closes the quote with its quotation mark', () => {
    const { html } = renderBody('“We are ready,” Peskov said.\n', [{ id: 'q1', text: 'We are ready', speaker: { name: 'P', url: '/s/' } }]);
    expect(html).toBe('<p>“<q id="user-content-q1">We are ready</q>,”<sup><a href="/s/">P</a></sup> Peskov said.</p>\n');
  });
});

describe('articleJsonLd', () => {
  const quote = (id: string, speaker: string, speakerId: string) => ({ id, text: `Words of ${speaker}`, speaker, speakerId, cue: 'said' });
  const article = {
    id: 'a',
    url: '/articles/a/',
    title: 'A',
    date: '2024-07-09',
    source: null,
    byline: null,
    dateline: null,
    speakers: [
      { name: 'Dmitry Peskov', id: 'dmitry-peskov' },
      { name: 'Ministry of Foreign Affairs of Ukraine', id: 'mfa' },
    ],
    quotes: [quote('q-1', 'Dmitry Peskov', 'dmitry-peskov'), quote('q-2', 'Ministry of Foreign Affairs of Ukraine', 'mfa'), quote('q-3', 'Dmitry Peskov', 'dmitry-peskov')],
    topics: [],
    body: 'Text.',
  };
  const creators = (): unknown[] => {
    const data = JSON.parse(articleJsonLd(article, 'Text.', (path) => `https://example.org${path}`, (id) => `/speakers/${id}/`)) as { hasPart: { creator: unknown }[] };
    return data.hasPart.map((part) => part.creator);
  };
  it("types each quote's speaker as a person or an organisation, the same on every page that quotes them", () => {
    const expected = [
      { '@type': 'Person', name: 'Dmitry Peskov', url: 'https://example.org/speakers/dmitry-peskov/' },
      { '@type': 'Organization', name: 'Ministry of Foreign Affairs of Ukraine', url: 'https://example.org/speakers/mfa/' },
      { '@type': 'Person', name: 'Dmitry Peskov', url: 'https://example.org/speakers/dmitry-peskov/' },
    ];
    expect(creators()).toEqual(expected);
    // Again, the types now remembered for this thread.
    expect(creators()).toEqual(expected);
  });
});
