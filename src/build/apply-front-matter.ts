import type { ExtractedArticle, Person } from '../extract/types.js';
import type { FrontMatter } from '../load/types.js';

/** Front matter field → prefix of the extractor's rule ids about that field, whose doubts the editor has settled. */
const SETTLED_RULES: Record<keyof FrontMatter, string> = {
  title: 'title:',
  date: 'date:',
  source: 'source:',
  byline: 'byline:',
  dateline: 'dateline:',
  speakers: 'speakers:',
  topics: 'topics:',
};

/**
 * Applies an editor's front matter to what the extractor found: every field set there wins.
 * `speakers` replaces the list of speakers (a role given there replaces the extracted role); the quotes keep
 * their attribution. Messages about a field the front matter sets are dropped, since the editor settled them.
 */
export function applyFrontMatter(article: ExtractedArticle, frontMatter: FrontMatter): ExtractedArticle {
  const result: ExtractedArticle = { ...article };
  if (frontMatter.title !== undefined) {
    result.title = frontMatter.title;
    result.titleFromLead = false;
  }
  if (frontMatter.date !== undefined) result.date = frontMatter.date;
  if (frontMatter.source !== undefined) result.source = frontMatter.source;
  if (frontMatter.byline !== undefined) result.byline = frontMatter.byline;
  if (frontMatter.dateline !== undefined) result.dateline = frontMatter.dateline;
  if (frontMatter.topics !== undefined) result.topics = [...frontMatter.topics];
  if (frontMatter.speakers !== undefined) {
    const people: Person[] = article.people.map((p) => ({ ...p, aliases: [...p.aliases] }));
    for (const speaker of frontMatter.speakers) {
      const known = people.find((p) => p.name === speaker.name || p.aliases.includes(speaker.name));
      if (known === undefined) {
        people.push({ name: speaker.name, role: speaker.role, aliases: [] });
      } else if (speaker.role !== null) {
        known.role = speaker.role;
      }
    }
    result.people = people;
    result.speakers = [...new Set(frontMatter.speakers.map((s) => people.find((p) => p.name === s.name || p.aliases.includes(s.name))?.name ?? s.name))];
  }
  const settled = (Object.keys(frontMatter) as Array<keyof FrontMatter>).map((field) => SETTLED_RULES[field]);
  if (settled.length > 0) {
    result.messages = article.messages.filter((m) => !settled.some((prefix) => m.ruleId.startsWith(prefix)));
  }
  return result;
}
