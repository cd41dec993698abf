import { describe, expect, it } from 'vitest';
import { applyFrontMatter } from '../src/build/apply-front-matter.js';
import type { ExtractedArticle } from '../src/extract/types.js';

const extracted: ExtractedArticle = {
  title: 'Extracted title',
  titleFromLead: true,
  date: null,
  source: 'Wrong Source',
  byline: null,
  dateline: null,
  people: [
    { name: 'Dmitry Peskov', role: 'spokesman', aliases: ['Peskov'] },
    { name: 'Anna Berg', role: null, aliases: [] },
  ],
  speakers: ['Dmitry Peskov', 'Anna Berg'],
  quotes: [{ text: 'We will see', speaker: 'Dmitry Peskov', cue: 'said', line: 3 }],
  topics: ['Boilerplate'],
  body: 'Body',
  messages: [
    { severity: 'warning', ruleId: 'date:missing', reason: 'no date', line: null },
    { severity: 'warning', ruleId: 'quote:unattributed', reason: 'no speaker', line: 5 },
  ],
};

describe('applyFrontMatter', () => {
  it('changes nothing without front matter', () => {
    expect(applyFrontMatter(extracted, {})).toEqual(extracted);
  });

  it('lets every field set win over extraction, and drops the doubts it settles', () => {
    const result = applyFrontMatter(extracted, { title: 'Right title', date: '2024-07-09', source: 'Reuters', byline: 'Jane', dateline: 'MOSCOW', topics: ['Ukraine'] });
    expect(result).toMatchObject({ title: 'Right title', titleFromLead: false, date: '2024-07-09', source: 'Reuters', byline: 'Jane', dateline: 'MOSCOW', topics: ['Ukraine'] });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['quote:unattributed']);
    expect(result.quotes).toEqual(extracted.quotes);
  });

  it('replaces the speakers, joining an alias to the known person and setting roles', () => {
    const result = applyFrontMatter(extracted, {
      speakers: [
        { name: 'Peskov', role: 'Kremlin spokesman' },
        { name: 'Hakan Fidan', role: 'Foreign Minister' },
      ],
    });
    expect(result.speakers).toEqual(['Dmitry Peskov', 'Hakan Fidan']);
    expect(result.people).toContainEqual({ name: 'Dmitry Peskov', role: 'Kremlin spokesman', aliases: ['Peskov'] });
    expect(result.people).toContainEqual({ name: 'Hakan Fidan', role: 'Foreign Minister', aliases: [] });
    expect(extracted.people[0]!.role).toBe('spokesman');
  });
});
