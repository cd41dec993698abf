import { nameKey } from '../archive/names.js';
import type { ArticleRecord } from '../archive/types.js';

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>`, `&` and the JavaScript line
 * separators are written as `\u` escapes, so no text (not even `</script>`) can end the element.
 */
export function scriptSafeJson(value: unknown): string {
  const json = JSON.stringify(value);
  // One pass, and none at all for the usual JSON without these characters.
  return UNSAFE.test(json) ? json.replace(UNSAFE_ALL, (c) => ESCAPES[c]!) : json;
}

const UNSAFE = /[<>&\u2028\u2029]/;
const UNSAFE_ALL = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * A speaker's schema.org type by name, kept for this thread: `nameKey` folds and splits the name every time, and the
 * same few thousand speakers are quoted on every article page. At most `AGENT_TYPES_KEPT` names (then it starts over).
 */
const agentTypes = new Map<string, 'Organization' | 'Person'>();
const AGENT_TYPES_KEPT = 100_000;

function agentType(name: string): 'Organization' | 'Person' {
  let type = agentTypes.get(name);
  if (type === undefined) {
    type = nameKey(name).organisation ? 'Organization' : 'Person';
    if (agentTypes.size >= AGENT_TYPES_KEPT) agentTypes.clear();
    agentTypes.set(name, type);
  }
  return type;
}

const agent = (name: string, url: string | null): Record<string, string> => ({
  '@type': agentType(name),
  name,
  ...(url ? { url } : {}),
});

/**
 * schema.org `NewsArticle` for one article, each quote a `Quotation` with its `creator`.
 * `absolute` turns a site path (base path included) into a full URL when the site URL is known (else
 * keeps the path); `speakerPath` gives a speaker page's path.
 */
export function articleJsonLd(
  article: Omit<ArticleRecord, 'file' | 'messages'>,
  description: string,
  absolute: (path: string) => string,
  speakerPath: (id: string) => string,
): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    url: absolute(article.url),
    description,
  };
  if (article.date) data['datePublished'] = article.date;
  if (article.source) data['publisher'] = { '@type': 'Organization', name: article.source };
  if (article.byline) data['author'] = { '@type': 'Person', name: article.byline.replace(/^by\s+/i, '') };
  if (article.topics.length) data['keywords'] = article.topics.map((t) => t.label);
  const speakerUrl = new Map(article.speakers.map((s) => [s.id, absolute(speakerPath(s.id))]));
  data['hasPart'] = article.quotes.map((q) => ({
    '@type': 'Quotation',
    '@id': `${absolute(article.url)}#${q.id}`,
    text: q.text,
    ...(q.speaker ? { creator: agent(q.speaker, q.speakerId ? (speakerUrl.get(q.speakerId) ?? null) : null) } : {}),
  }));
  return scriptSafeJson(data);
}
