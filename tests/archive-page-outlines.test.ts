import { describe, expect, it } from 'vitest';
import { assembleArchive } from '../src/archive/assemble.js';
import { fillSpeakerPages, speakerOutlines, speakerPages } from '../src/archive/speakers-index.js';
import { fillTopicPages, topicOutlines, topicPages } from '../src/archive/topics-index.js';
import type { Archive } from '../src/archive/types.js';
import { sampleInputs } from './render-sample-archive.js';

const archive = (): Archive => assembleArchive(sampleInputs(), { basePath: '/news/' });

describe("speakers' and topics' page outlines", () => {
  it('filled, are the pages made whole: every page or some, once or twice', () => {
    const a = archive();
    const speakers = speakerPages(a, '/news/');
    const topics = topicPages(a, '/news/');
    expect(speakers.some((p) => p.quotes.length > 1 && p.topics.length > 0)).toBe(true);
    expect(topics.some((p) => p.quotes.length > 1 && p.speakers.length > 0)).toBe(true);

    const speakerOutline = speakerOutlines(a, '/news/');
    const topicOutline = topicOutlines(a, '/news/');
    // The outlines hold what the indexes and the digests read, and no quotes.
    expect(speakerOutline.map(({ quotes, topics: t, ...rest }) => [rest, quotes, t])).toEqual(speakers.map(({ quotes, topics: t, ...rest }) => [rest, [], []]));
    expect(topicOutline.map(({ quotes, speakers: s, ...rest }) => [rest, quotes, s])).toEqual(topics.map(({ quotes, speakers: s, ...rest }) => [rest, [], []]));
    for (const page of topics) expect(page.quoteCount).toBe(page.quotes.length);
    // quotedIn: the articles of the speaker's quotes, in order, each once.
    for (const page of speakers) expect(page.quotedIn).toEqual([...new Set(page.quotes.map((q) => q.article))]);

    // Some filled first, then all (those filled are left as they are), then all again.
    fillSpeakerPages(a, speakerOutline.slice(0, 2));
    fillTopicPages(a, topicOutline.slice(-2));
    expect(speakerOutline.slice(0, 2)).toEqual(speakers.slice(0, 2));
    expect(speakerOutline.slice(2).every((p) => p.quotes.length === 0)).toBe(true);
    expect(topicOutline.slice(-2)).toEqual(topics.slice(-2));
    for (let i = 0; i < 2; i += 1) {
      fillSpeakerPages(a, speakerOutline);
      fillTopicPages(a, topicOutline);
      expect(speakerOutline).toEqual(speakers);
      expect(topicOutline).toEqual(topics);
    }
  });

  it("leaves out a quote by a speaker not yet named when it was said, as the whole pages do", () => {
    const a = archive();
    // The newest article quotes someone another, older, article names first: its speakers list is cut.
    const newest = a.articles[0]!;
    const quoted = newest.quotes.find((q) => q.speakerId !== null)!;
    newest.speakers = newest.speakers.filter((s) => s.id !== quoted.speakerId);
    a.articles.push({ ...a.articles[a.articles.length - 1]!, id: 'older', url: '/news/articles/older/', speakers: [{ id: quoted.speakerId!, name: quoted.speaker! }], quotes: [] });
    const outline = speakerOutlines(a, '/news/');
    fillSpeakerPages(a, outline);
    const page = outline.find((p) => p.id === quoted.speakerId)!;
    expect(page.quotes.map((q) => q.id)).not.toContain(quoted.id);
    expect(page.quotedIn.map((ref) => ref.id)).not.toContain(newest.id);
    expect(page.quotes).toHaveLength(page.quoteCount);
    expect(outline).toEqual(speakerPages(a, '/news/'));
  });
});
