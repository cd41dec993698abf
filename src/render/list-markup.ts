import type { ArticleRef } from '../archive/article-ref.js';
import type { QuoteGroup } from '../archive/quotes-index.js';
import type { SpeakerQuote } from '../archive/speakers-index.js';
import type { TopicQuote, TopicSpeaker } from '../archive/topics-index.js';
import type { ArticlePageQuote } from './article-pages.js';

/*
 * The items of the long lists, laid out here rather than in a Nunjucks loop: a large site's speaker, topic and
 * quotes pages show hundreds of thousands of items, and a Nunjucks loop spends more per item (its loop variables,
 * lookups, escaping) than the markup itself costs. Each function writes exactly what the loop it replaced wrote,
 * with the same escaping (`escapeHtml`, Nunjucks' own): the loop's template is kept beside each function, and
 * `tests/render-list-markup.test.ts` renders it with Nunjucks to compare the bytes. The templates call these as
 * filters (`{{ speaker.quotes | speakerQuoteItems | safe }}`); change the markup here, in the comment and in the test
 * together. Items shared by several pages of a run (an article's line, a quote on each of its topics' pages) are
 * laid out once per run (`listMarkup` is made per run, so nothing outlives the data it was made from).
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };
const TO_ESCAPE = /[&"'<>\\]/;
const TO_ESCAPE_ALL = /[&"'<>\\]/g;

/** Nunjucks' autoescape of a value printed with `{{ … }}`: null and undefined print nothing. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return TO_ESCAPE.test(text) ? text.replace(TO_ESCAPE_ALL, (ch) => ESCAPES[ch]!) : text;
}

/** Nunjucks' `truncate(length)` filter (words kept whole, `...` added). */
export function truncateText(text: string, length: number): string {
  if (text.length <= length) return text;
  const space = text.lastIndexOf(' ', length);
  return `${text.substring(0, space === -1 ? length : space)}...`;
}

/** What the list filters need of the site: the `dateLabel`, `plural` and `speakerUrl` filters' functions. */
export interface ListMarkupContext {
  dateLabel: (date: string | null) => string;
  plural: (n: number, one: string) => string;
  speakerUrl: (id: string) => string;
}

/** The list filters of one Eleventy run: each takes a list and returns its items' markup, every item ending in a newline. */
export function listMarkup({ dateLabel, plural, speakerUrl }: ListMarkupContext): Record<string, (items: readonly never[]) => string> {
  const articleLines = new WeakMap<ArticleRef, string>();
  const topicQuotes = new WeakMap<TopicQuote, string>();
  const times = new Map<string, string>();
  const linked = new WeakMap<ArticleRef, { url: string; title: string }>();
  /** `<time datetime="{{ date }}">{{ date | dateLabel }}</time>`, made once per date. */
  const time = (date: string): string => {
    let html = times.get(date);
    if (html === undefined) {
      html = `<time datetime="${escapeHtml(date)}">${escapeHtml(dateLabel(date))}</time>`;
      times.set(date, html);
    }
    return html;
  };
  /** `{{ date | dateLabel }}` of a date, escaped. */
  const label = (date: string): string => {
    const key = `label ${date}`;
    let html = times.get(key);
    if (html === undefined) {
      html = escapeHtml(dateLabel(date));
      times.set(key, html);
    }
    return html;
  };
  /** `{{ a.url }}` and `{{ a.title }}`, escaped once per article: an article has several quotes. */
  const escaped = (a: ArticleRef): { url: string; title: string } => {
    let fields = linked.get(a);
    if (fields === undefined) {
      fields = { url: escapeHtml(a.url), title: escapeHtml(a.title) };
      linked.set(a, fields);
    }
    return fields;
  };

  /*
   * article-list.njk:
   * {% for a in items %}
   * <li><a href="{{ a.url }}">{{ a.title }}</a> <span class="meta">{% if a.date %}<time datetime="{{ a.date }}">{{ a.date | dateLabel }}</time>{% else %}Undated{% endif %}{% if a.source %} · {{ a.source }}{% endif %}</span></li>
   * {% endfor %}
   */
  const articleLine = (a: ArticleRef): string => {
    let line = articleLines.get(a);
    if (line === undefined) {
      line = `<li><a href="${escaped(a).url}">${escaped(a).title}</a> <span class="meta">${a.date ? time(a.date) : 'Undated'}${a.source ? ` · ${escapeHtml(a.source)}` : ''}</span></li>\n`;
      articleLines.set(a, line);
    }
    return line;
  };

  /*
   * pages/speaker.njk, all quotes:
   * {% for q in speaker.quotes %}
   * <li id="{{ q.id }}">
   * <blockquote><p>{{ q.text }}</p></blockquote>
   * <p class="attribution">{% if q.cue %}<span class="cue">{{ q.cue }}</span>, {% endif %}<a href="{{ q.article.url }}#{{ q.id }}">{{ q.article.title }}</a>{% if q.article.date %}, <time datetime="{{ q.article.date }}">{{ q.article.date | dateLabel }}</time>{% else %}, undated{% endif %}
   * {% if q.topics.length %}<br><span class="label">Topics:</span> {% for t in q.topics %}<a href="#topic-{{ t.id }}">{{ t.label }}</a>{% if not loop.last %}, {% endif %}{% endfor %}{% endif %}</p>
   * </li>
   * {% endfor %}
   * (the newline after the `{% endif %}` that ends a line is trimmed: the topics follow on the same line)
   */
  const speakerQuote = (q: SpeakerQuote): string => {
    const id = escapeHtml(q.id);
    let html = `<li id="${id}">\n<blockquote><p>${escapeHtml(q.text)}</p></blockquote>\n<p class="attribution">`;
    if (q.cue) html += `<span class="cue">${escapeHtml(q.cue)}</span>, `;
    const a = escaped(q.article);
    html += `<a href="${a.url}#${id}">${a.title}</a>${q.article.date ? `, ${time(q.article.date)}` : ', undated'}`;
    if (q.topics.length) html += `<br><span class="label">Topics:</span> ${q.topics.map((t) => `<a href="#topic-${escapeHtml(t.id)}">${escapeHtml(t.label)}</a>`).join(', ')}`;
    return `${html}</p>\n</li>\n`;
  };

  /*
   * pages/speaker.njk, a topic's quotes:
   * {% for q in t.quotes %}<li><a href="#{{ q.id }}">“{{ q.text | truncate(100) }}”</a> <span class="meta">{{ q.article.date | dateLabel }}</span></li>
   * {% endfor %}
   */
  const speakerQuoteLink = (q: SpeakerQuote): string =>
    `<li><a href="#${escapeHtml(q.id)}">“${escapeHtml(truncateText(q.text, 100))}”</a> <span class="meta">${q.article.date ? label(q.article.date) : 'Undated'}</span></li>\n`;

  /*
   * pages/topic.njk, who spoke on it:
   * {% for s in topic.speakers %}
   * <li><a href="{{ s.id | speakerUrl }}">{{ s.name }}</a> <span class="count">{{ s.count | plural('quote') }}</span></li>
   * {% endfor %}
   */
  const topicSpeaker = (s: TopicSpeaker): string =>
    `<li><a href="${escapeHtml(speakerUrl(s.id))}">${escapeHtml(s.name)}</a> <span class="count">${escapeHtml(plural(s.count, 'quote'))}</span></li>\n`;

  /** `{% if q.speakerId %}<a href="{{ q.speakerId | speakerUrl }}">{{ q.speaker }}</a>{% else %}<span class="unattributed">Unattributed</span>{% endif %}` */
  const speakerLink = (q: { speaker: string | null; speakerId: string | null }): string =>
    q.speakerId ? `<a href="${escapeHtml(speakerUrl(q.speakerId))}">${escapeHtml(q.speaker)}</a>` : '<span class="unattributed">Unattributed</span>';

  /*
   * pages/topic.njk, quotes:
   * {% for q in topic.quotes %}
   * <li>
   * <blockquote><p>{{ q.text }}</p></blockquote>
   * <p class="attribution">{% if q.speakerId %}<a href="{{ q.speakerId | speakerUrl }}">{{ q.speaker }}</a>{% else %}<span class="unattributed">Unattributed</span>{% endif %}
   *  in <a href="{{ q.article.url }}#{{ q.id }}">{{ q.article.title }}</a>{% if q.article.date %}, <time datetime="{{ q.article.date }}">{{ q.article.date | dateLabel }}</time>{% endif %}</p>
   * </li>
   * {% endfor %}
   */
  const topicQuote = (q: TopicQuote): string => {
    let html = topicQuotes.get(q);
    if (html === undefined) {
      html =
        `<li>\n<blockquote><p>${escapeHtml(q.text)}</p></blockquote>\n<p class="attribution">${speakerLink(q)}` +
        ` in <a href="${escaped(q.article).url}#${escapeHtml(q.id)}">${escaped(q.article).title}</a>${q.article.date ? `, ${time(q.article.date)}` : ''}</p>\n</li>\n`;
      topicQuotes.set(q, html);
    }
    return html;
  };

  /*
   * pages/quotes-month.njk:
   * {% for q in quoteMonth.quotes %}
   * <li id="{{ q.id }}">
   * <blockquote><p>{{ q.text }}</p></blockquote>
   * <p class="attribution">{% if q.speakerId %}<a href="{{ q.speakerId | speakerUrl }}">{{ q.speaker }}</a>{% else %}<span class="unattributed">Unattributed</span>{% endif %}
   *  · <a href="#{{ q.id }}" aria-label="Permalink to this quote">#</a></p>
   * <p class="sources">Reported in {{ q.sources.length | plural('article') }}:</p>
   * <ul class="sources">
   * {% for s in q.sources %}<li><a href="{{ s.article.url }}#{{ s.quoteId }}">{{ s.article.title }}</a>{% if s.article.date %}, <time datetime="{{ s.article.date }}">{{ s.article.date | dateLabel }}</time>{% endif %}{% if s.article.source %}, {{ s.article.source }}{% endif %}</li>
   * {% endfor %}
   * </ul>
   * </li>
   * {% endfor %}
   */
  const monthQuote = (q: QuoteGroup): string => {
    const id = escapeHtml(q.id);
    let html =
      `<li id="${id}">\n<blockquote><p>${escapeHtml(q.text)}</p></blockquote>\n<p class="attribution">${speakerLink(q)}` +
      ` · <a href="#${id}" aria-label="Permalink to this quote">#</a></p>\n<p class="sources">Reported in ${escapeHtml(plural(q.sources.length, 'article'))}:</p>\n<ul class="sources">\n`;
    for (const s of q.sources) {
      const a = s.article;
      html += `<li><a href="${escaped(a).url}#${escapeHtml(s.quoteId)}">${escaped(a).title}</a>${a.date ? `, ${time(a.date)}` : ''}${a.source ? `, ${escapeHtml(a.source)}` : ''}</li>\n`;
    }
    return `${html}</ul>\n</li>\n`;
  };

  /*
   * pages/article.njk, the article's quotes:
   * {% for q in article.quotes %}
   * <li id="{{ q.id }}">
   * <blockquote><p>{{ q.text }}</p></blockquote>
   * <p class="attribution">{% if q.speakerUrl %}<a href="{{ q.speakerUrl }}">{{ q.speaker }}</a>{% if q.cue %} <span class="cue">({{ q.cue }})</span>{% endif %}{% else %}<span class="unattributed">Unattributed: the article does not say who said this.</span>{% endif %}
   *  · <a href="#{{ q.id }}" aria-label="Permalink to this quote">#</a>{% if q.bodyAnchor %} · <a href="#{{ q.bodyAnchor }}">in context</a>{% endif %}</p>
   * </li>
   * {% endfor %}
   */
  const articleQuote = (q: ArticlePageQuote): string => {
    const id = escapeHtml(q.id);
    const attribution = q.speakerUrl
      ? `<a href="${escapeHtml(q.speakerUrl)}">${escapeHtml(q.speaker)}</a>${q.cue ? ` <span class="cue">(${escapeHtml(q.cue)})</span>` : ''}`
      : '<span class="unattributed">Unattributed: the article does not say who said this.</span>';
    return (
      `<li id="${id}">\n<blockquote><p>${escapeHtml(q.text)}</p></blockquote>\n<p class="attribution">${attribution}` +
      ` · <a href="#${id}" aria-label="Permalink to this quote">#</a>${q.bodyAnchor ? ` · <a href="#${escapeHtml(q.bodyAnchor)}">in context</a>` : ''}</p>\n</li>\n`
    );
  };

  const each =
    <T>(item: (value: T) => string) =>
    (items: readonly T[] | null | undefined): string => {
      // One flat string for the list, not a chain of thousands of joined ones for the writer to flatten.
      return items ? items.map(item).join('') : '';
    };
  return {
    articleItems: each(articleLine),
    speakerQuoteItems: each(speakerQuote),
    speakerQuoteLinks: each(speakerQuoteLink),
    topicSpeakerItems: each(topicSpeaker),
    topicQuoteItems: each(topicQuote),
    monthQuoteItems: each(monthQuote),
    articleQuoteItems: each(articleQuote),
  };
}
