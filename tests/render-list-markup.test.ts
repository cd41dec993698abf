import fc from 'fast-check';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { siteFilters } from '../src/render/filters.js';
import { escapeHtml, truncateText } from '../src/render/list-markup.js';

/*
 * The list filters of list-markup.ts against the Nunjucks loops they replaced: each loop below is the template
 * text as it was (with the line before and after it), rendered by Nunjucks with the site's options and filters,
 * compared byte for byte with the filter in its place.
 */

const environment = (basePath: string): nunjucks.Environment => {
  const env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  for (const [name, filter] of Object.entries(siteFilters(basePath, null))) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  return env;
};

const loops = {
  articleItems: [
    `<ul class="article-list">
{% for a in items %}
<li><a href="{{ a.url }}">{{ a.title }}</a> <span class="meta">{% if a.date %}<time datetime="{{ a.date }}">{{ a.date | dateLabel }}</time>{% else %}Undated{% endif %}{% if a.source %} · {{ a.source }}{% endif %}</span></li>
{% endfor %}
</ul>
`,
    `<ul class="article-list">
{{ items | articleItems | safe }}</ul>
`,
  ],
  speakerQuoteItems: [
    `<ol class="quote-list">
{% for q in items %}
<li id="{{ q.id }}">
<blockquote><p>{{ q.text }}</p></blockquote>
<p class="attribution">{% if q.cue %}<span class="cue">{{ q.cue }}</span>, {% endif %}<a href="{{ q.article.url }}#{{ q.id }}">{{ q.article.title }}</a>{% if q.article.date %}, <time datetime="{{ q.article.date }}">{{ q.article.date | dateLabel }}</time>{% else %}, undated{% endif %}
{% if q.topics.length %}<br><span class="label">Topics:</span> {% for t in q.topics %}<a href="#topic-{{ t.id }}">{{ t.label }}</a>{% if not loop.last %}, {% endif %}{% endfor %}{% endif %}</p>
</li>
{% endfor %}
</ol>
`,
    `<ol class="quote-list">
{{ items | speakerQuoteItems | safe }}</ol>
`,
  ],
  speakerQuoteLinks: [
    `<ul class="quote-links">
{% for q in items %}<li><a href="#{{ q.id }}">“{{ q.text | truncate(100) }}”</a> <span class="meta">{{ q.article.date | dateLabel }}</span></li>
{% endfor %}
</ul>
`,
    `<ul class="quote-links">
{{ items | speakerQuoteLinks | safe }}</ul>
`,
  ],
  topicSpeakerItems: [
    `<ul class="term-list">
{% for s in items %}
<li><a href="{{ s.id | speakerUrl }}">{{ s.name }}</a> <span class="count">{{ s.count | plural('quote') }}</span></li>
{% endfor %}
</ul>
`,
    `<ul class="term-list">
{{ items | topicSpeakerItems | safe }}</ul>
`,
  ],
  topicQuoteItems: [
    `<ol class="quote-list">
{% for q in items %}
<li>
<blockquote><p>{{ q.text }}</p></blockquote>
<p class="attribution">{% if q.speakerId %}<a href="{{ q.speakerId | speakerUrl }}">{{ q.speaker }}</a>{% else %}<span class="unattributed">Unattributed</span>{% endif %}
 in <a href="{{ q.article.url }}#{{ q.id }}">{{ q.article.title }}</a>{% if q.article.date %}, <time datetime="{{ q.article.date }}">{{ q.article.date | dateLabel }}</time>{% endif %}</p>
</li>
{% endfor %}
</ol>
`,
    `<ol class="quote-list">
{{ items | topicQuoteItems | safe }}</ol>
`,
  ],
  monthQuoteItems: [
    `<ol class="quote-list">
{% for q in items %}
<li id="{{ q.id }}">
<blockquote><p>{{ q.text }}</p></blockquote>
<p class="attribution">{% if q.speakerId %}<a href="{{ q.speakerId | speakerUrl }}">{{ q.speaker }}</a>{% else %}<span class="unattributed">Unattributed</span>{% endif %}
 · <a href="#{{ q.id }}" aria-label="Permalink to this quote">#</a></p>
<p class="sources">Reported in {{ q.sources.length | plural('article') }}:</p>
<ul class="sources">
{% for s in q.sources %}<li><a href="{{ s.article.url }}#{{ s.quoteId }}">{{ s.article.title }}</a>{% if s.article.date %}, <time datetime="{{ s.article.date }}">{{ s.article.date | dateLabel }}</time>{% endif %}{% if s.article.source %}, {{ s.article.source }}{% endif %}</li>
{% endfor %}
</ul>
</li>
{% endfor %}
</ol>
`,
    `<ol class="quote-list">
{{ items | monthQuoteItems | safe }}</ol>
`,
  ],
  articleQuoteItems: [
    `<ol class="quote-list">
{% for q in items %}
<li id="{{ q.id }}">
<blockquote><p>{{ q.text }}</p></blockquote>
<p class="attribution">{% if q.speakerUrl %}<a href="{{ q.speakerUrl }}">{{ q.speaker }}</a>{% if q.cue %} <span class="cue">({{ q.cue }})</span>{% endif %}{% else %}<span class="unattributed">Unattributed: the article does not say who said this.</span>{% endif %}
 · <a href="#{{ q.id }}" aria-label="Permalink to this quote">#</a>{% if q.bodyAnchor %} · <a href="#{{ q.bodyAnchor }}">in context</a>{% endif %}</p>
</li>
{% endfor %}
</ol>
`,
    `<ol class="quote-list">
{{ items | articleQuoteItems | safe }}</ol>
`,
  ],
} as const;

// Text with everything Nunjucks escapes, quotation marks, spaces where `truncate` cuts, and long runs without them.
const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '&', '<', '>', '"', "'", '\\', '“', '”', '·', 'é', '\n'), maxLength: 160 });
const longText = fc.oneof(text, fc.string({ unit: fc.constantFrom('x', 'y', '<'), minLength: 95, maxLength: 130 }));
const id = fc.string({ unit: fc.constantFrom('a', '1', '-', '"', '&'), minLength: 1, maxLength: 8 });
const date = fc.constantFrom(null, '2024-07-09', '2021-02-31', '1999-12-01', 'not a date <b>');
const article = fc.record({ id, url: text, title: text, date, source: fc.option(text, { nil: null }) });
const topic = fc.record({ id, label: text });
const speakerQuote = fc.record({ id, text: longText, cue: fc.option(text, { nil: null }), article, topics: fc.array(topic, { maxLength: 3 }) });
const topicQuote = fc.record({ id, text: longText, speaker: fc.option(text, { nil: null }), speakerId: fc.option(id, { nil: null }), article });
const topicSpeaker = fc.record({ id, name: text, count: fc.nat(3) });
const monthQuote = fc.record({
  id,
  text,
  speaker: fc.option(text, { nil: null }),
  speakerId: fc.option(id, { nil: null }),
  sources: fc.array(fc.record({ quoteId: id, article }), { maxLength: 3 }),
});
const articleQuote = fc.record({
  id,
  text,
  speaker: fc.option(text, { nil: null }),
  speakerUrl: fc.option(text, { nil: null }),
  cue: fc.option(text, { nil: null }),
  bodyAnchor: fc.option(id, { nil: null }),
});
const lists = {
  articleItems: article,
  speakerQuoteItems: speakerQuote,
  speakerQuoteLinks: speakerQuote,
  topicSpeakerItems: topicSpeaker,
  topicQuoteItems: topicQuote,
  monthQuoteItems: monthQuote,
  articleQuoteItems: articleQuote,
};

describe('list markup', () => {
  for (const basePath of ['/', '/sub/path/']) {
    const env = environment(basePath);
    for (const [name, [loop, filter]] of Object.entries(loops)) {
      it(`${name} writes what its Nunjucks loop wrote (base ${basePath})`, () => {
        fc.assert(
          fc.property(fc.array(lists[name as keyof typeof lists] as fc.Arbitrary<unknown>, { maxLength: 6 }), (items) => {
            const expected = env.renderString(loop, { items });
            expect(env.renderString(filter, { items })).toBe(expected);
            expect(expected.length).toBeGreaterThan(0);
          }),
          { numRuns: 300 },
        );
      });
    }
  }
  it('lays out an item shared by several lists once, the same each time', () => {
    const filters = siteFilters('/', null) as unknown as Record<string, (items: unknown[]) => string>;
    const shared = { id: 'a', url: '/a/', title: 'A & B', date: '2024-07-09', source: null };
    const html = filters.articleItems!([shared, shared]);
    expect(html).toBe('<li><a href="/a/">A &amp; B</a> <span class="meta"><time datetime="2024-07-09">9 July 2024</time></span></li>\n'.repeat(2));
  });
  it('escapes as Nunjucks does, and truncates as its truncate filter does', () => {
    expect(escapeHtml(`a&b<c>"d'e\\`)).toBe('a&amp;b&lt;c&gt;&quot;d&#39;e&#92;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(3)).toBe('3');
    const lib = nunjucks.lib as unknown as { escape(text: string): string };
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeHtml(t)).toBe(lib.escape(t));
      }),
    );
    const truncate = environment('/').getFilter('truncate') as (text: string, length: number) => string;
    expect(truncateText('a'.repeat(101), 100)).toBe(`${'a'.repeat(100)}...`);
    fc.assert(
      fc.property(longText, fc.integer({ min: 1, max: 120 }), (t, n) => {
        expect(truncateText(t, n)).toBe(String(truncate(t, n)));
      }),
    );
  });
});
