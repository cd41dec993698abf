import type { ExtractedArticle } from '../extract/types.js';
import { noteArticleSource } from './article-digest.js';
import { foldWords } from './fold.js';
import { joinNames } from './names.js';
import { slugify, uniqueSlugs } from './slug.js';
import { byText, compareArticles, compareArticlesOldestFirst } from './sort.js';
import type { Archive, ArticleRecord, QuoteRecord, SpeakerRef, TopicRef } from './types.js';

export interface ArchiveInput {
  /** Path relative to the content folder, forward slashes. */
  file: string;
  article: ExtractedArticle;
  /** What the article was made from (`articleSource`), when known: its record's digest is then taken from it (`articleDigest`). */
  source?: string;
}

export interface AssembleOptions {
  /** URL prefix the site is served under, always starting and ending with `/`. */
  basePath: string;
}

/** Counts occurrences into a map. */
function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The most frequent key, ties broken by code-point order. */
function mostFrequent(map: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [key, count] of [...map.entries()].sort(([a], [b]) => byText(a, b))) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** Within one article: every spelling (name or alias) → the article's canonical name for it. */
function articleSpellings(article: ExtractedArticle): Map<string, string> {
  const map = new Map<string, string>();
  for (const person of article.people) {
    map.set(person.name, person.name);
    for (const alias of person.aliases) if (!map.has(alias)) map.set(alias, person.name);
  }
  return map;
}

/**
 * Joins the extracted articles into one archive: article ids and URLs, one name and id per speaker
 * across articles (spelling variants joined, see `names.ts`), one id per topic, stable quote ids.
 * Articles come out newest first, undated last, then by title and file. Pure and deterministic:
 * the order of `inputs` does not matter.
 */
export function assembleArchive(inputs: ArchiveInput[], options: AssembleOptions): Archive {
  const base = options.basePath;
  // Sort keys made once (not an object spread per comparison: that cost seconds on large archives).
  const keyed = inputs.map((input) => ({ input, key: { date: input.article.date, title: input.article.title, file: input.file } }));
  const sorted = keyed.sort((a, b) => compareArticlesOldestFirst(a.key, b.key)).map(({ input }) => input);

  // --- people: join spellings across articles ---
  const spellingCounts = new Map<string, number>();
  const perArticle = sorted.map(({ article }) => {
    const local = articleSpellings(article);
    const names = new Set<string>([...article.people.map((p) => p.name), ...article.speakers]);
    for (const q of article.quotes) if (q.speaker !== null) names.add(local.get(q.speaker) ?? q.speaker);
    for (const name of names) bump(spellingCounts, name);
    return local;
  });
  const canonicalOf = joinNames([...spellingCounts].map(([name, count]) => ({ name, count })));
  const canonical = (local: Map<string, string>, name: string): string => {
    const articleName = local.get(name) ?? name;
    return canonicalOf.get(articleName) ?? articleName;
  };

  // Roles per person: the most frequent role across articles, for articles that give none.
  const roleCounts = new Map<string, Map<string, number>>();
  sorted.forEach(({ article }, i) => {
    for (const person of article.people) {
      if (!person.role) continue;
      const name = canonical(perArticle[i]!, person.name);
      const counts = roleCounts.get(name) ?? new Map<string, number>();
      bump(counts, person.role);
      roleCounts.set(name, counts);
    }
  });
  const usualRole = new Map<string, string>();
  for (const [name, counts] of roleCounts) {
    const role = mostFrequent(counts);
    if (role !== null) usualRole.set(name, role);
  }

  // --- topics: one label per folded spelling ---
  // Each spelling folded once: the same few hundred labels recur across tens of thousands of articles.
  const topicKeys = new Map<string, string>();
  const topicKey = (label: string): string => {
    let key = topicKeys.get(label);
    if (key === undefined) topicKeys.set(label, (key = foldWords(label) || label.trim()));
    return key;
  };
  const topicSpellings = new Map<string, Map<string, number>>();
  for (const { article } of sorted) {
    for (const label of article.topics) {
      const key = topicKey(label);
      if (!key) continue;
      const counts = topicSpellings.get(key) ?? new Map<string, number>();
      bump(counts, label.trim());
      topicSpellings.set(key, counts);
    }
  }
  const topicLabel = new Map<string, string>();
  for (const [key, counts] of topicSpellings) topicLabel.set(key, mostFrequent(counts) ?? key);

  // --- ids ---
  const speakerNames = [...new Set(canonicalOf.values())].sort(byText);
  const speakerIds = uniqueSlugs(speakerNames, (n) => slugify(n), 'speaker');
  const sortedTopicKeys = [...topicLabel.keys()].sort(byText);
  const topicIds = uniqueSlugs(sortedTopicKeys, (k) => slugify(topicLabel.get(k) ?? k), 'topic');
  const titleOf = new Map(sorted.map((s) => [s.file, s.article.title]));
  const articleIds = uniqueSlugs(
    sorted.map((s) => s.file),
    (file) => slugify(titleOf.get(file) ?? ''),
    'article',
  );

  const articles: ArticleRecord[] = sorted.map(({ file, article, source }, i) => {
    const local = perArticle[i]!;
    const id = articleIds.get(file) ?? slugify(file);
    const localRole = new Map<string, string>();
    for (const person of article.people) {
      if (person.role) {
        const name = canonical(local, person.name);
        if (!localRole.has(name)) localRole.set(name, person.role);
      }
    }
    const speakers: SpeakerRef[] = [];
    const seen = new Set<string>();
    const addSpeaker = (rawName: string): void => {
      const name = canonical(local, rawName);
      if (seen.has(name)) return;
      seen.add(name);
      const ref: SpeakerRef = { name, id: speakerIds.get(name) ?? slugify(name) };
      const role = localRole.get(name) ?? usualRole.get(name);
      if (role) ref.role = role;
      speakers.push(ref);
    };
    for (const name of article.speakers) addSpeaker(name);
    for (const q of article.quotes) if (q.speaker !== null) addSpeaker(q.speaker);

    const quotes: QuoteRecord[] = article.quotes.map((q, j) => {
      const name = q.speaker === null ? null : canonical(local, q.speaker);
      return {
        id: `q-${id}-${j + 1}`,
        text: q.text,
        speaker: name,
        speakerId: name === null ? null : (speakerIds.get(name) ?? null),
        cue: q.cue,
      };
    });

    const topics: TopicRef[] = [];
    const seenTopics = new Set<string>();
    for (const raw of article.topics) {
      const key = topicKey(raw);
      if (!key || seenTopics.has(key)) continue;
      seenTopics.add(key);
      topics.push({ label: topicLabel.get(key) ?? raw, id: topicIds.get(key) ?? slugify(raw) });
    }

    const record: ArticleRecord = {
      id,
      url: `${base}articles/${id}/`,
      file,
      title: article.title,
      date: article.date,
      source: article.source,
      byline: article.byline,
      dateline: article.dateline,
      speakers,
      quotes,
      topics,
      body: article.body,
      messages: article.messages,
    };
    if (source !== undefined) noteArticleSource(record, source);
    return record;
  });

  articles.sort(compareArticles);
  return { articles };
}
