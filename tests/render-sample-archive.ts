import type { ArchiveInput } from '../src/archive/assemble.js';
import { emptyArticle } from '../src/extract/index.js';
import type { ExtractedArticle } from '../src/extract/types.js';

/** Extraction results for the render and archive tests: hand-made, independent of the extractor's progress. */

function article(partial: Partial<ExtractedArticle> & { title: string }): ExtractedArticle {
  return { ...emptyArticle(), ...partial };
}

export function sampleInputs(): ArchiveInput[] {
  return [
    {
      file: 'kremlin.txt',
      article: article({
        title: 'Kremlin backs Türkiye on call for peace platform',
        date: '2024-07-09',
        source: 'Daily Sabah',
        byline: 'By Newsroom',
        people: [
          { name: 'Dmitry Peskov', role: 'Kremlin spokesman', aliases: ['Peskov'] },
          { name: 'Viktor Orbán', role: 'Hungarian Prime Minister', aliases: ['Orbán'] },
          { name: 'Recep Tayyip Erdoğan', role: 'President', aliases: ['Erdoğan'] },
        ],
        speakers: ['Dmitry Peskov', 'Viktor Orbán'],
        quotes: [
          { text: 'We have never refused to negotiate', speaker: 'Dmitry Peskov', cue: 'said', line: 5 },
          { text: 'At least Orban tried', speaker: 'Peskov', cue: 'said', line: 7 },
          { text: 'Peace needs <script>alert(1)</script> talks', speaker: 'Viktor Orbán', cue: 'told', line: 9 },
          { text: 'a mystery line', speaker: null, cue: null, line: 11 },
        ],
        topics: ['Ukraine war', 'Türkiye', 'Peace talks'],
        body:
          'In a briefing, Kremlin spokesman Dmitry Peskov said: “We have never refused to negotiate,” adding more.\n\n' +
          '## At least Orban tried\n\n“At least Orban tried,” Peskov said.\n\n' +
          'Orbán said "Peace needs <script>alert(1)</script> talks" on Friday. Someone said "a mystery line".\n\n' +
          '[bad](javascript:alert(1)) and ![photo](https://example.com/x.jpg)\n',
      }),
    },
    {
      file: 'zelensky-1.txt',
      article: article({
        title: 'Kremlin dismisses Zelenskiy request',
        date: '2024-03-26',
        source: 'Reuters',
        people: [
          { name: 'Volodymyr Zelenskiy', role: 'Ukrainian President', aliases: ['Zelenskiy'] },
          { name: 'Dmitry Peskov', role: null, aliases: [] },
        ],
        speakers: ['Volodymyr Zelenskiy', 'Dmitry Peskov'],
        quotes: [
          { text: 'We are ready', speaker: 'Zelenskiy', cue: 'said', line: 3 },
          { text: 'We have never refused to negotiate', speaker: 'Dmitry Peskov', cue: 'said', line: 4 },
        ],
        topics: ['Ukraine War', 'Istanbul talks'],
        body: '“We are ready,” Zelenskiy said.\n\nPeskov repeated: “We have never refused to negotiate.”\n',
      }),
    },
    {
      file: 'zelensky-2.md',
      article: article({
        title: 'Vladimir Zelensky meets Erdogan',
        date: null,
        people: [
          { name: 'Vladimir Zelensky', role: null, aliases: [] },
          { name: 'Erdogan', role: null, aliases: [] },
          { name: 'Federal Security Service', role: null, aliases: ['FSB'] },
        ],
        speakers: ['Vladimir Zelensky', 'Erdogan', 'Federal Security Service'],
        quotes: [
          { text: 'Talks must go on', speaker: 'Vladimir Zelensky', cue: 'said', line: 2 },
          { text: 'Türkiye stands ready', speaker: 'Erdogan', cue: 'said', line: 3 },
          { text: 'The plot was foiled', speaker: 'FSB', cue: 'statement', line: 4 },
        ],
        topics: ['Istanbul talks'],
        body: '“Talks must go on,” Vladimir Zelensky said.\n\nErdogan said “Türkiye stands ready”.\n\nThe agency said: “The plot was foiled”.\n',
      }),
    },
    {
      file: 'same-title-a.txt',
      article: article({ title: 'Breaking news', date: '2023-01-02', body: 'First.\n' }),
    },
    {
      file: 'same-title-b.txt',
      article: article({ title: 'Breaking news', date: '2023-01-05', body: 'Second.\n' }),
    },
    {
      file: 'nonlatin.txt',
      article: article({ title: 'Кремль — «мир»', date: null, body: 'Текст.\n\n# Heading one\n\n#### Deep heading\n' }),
    },
  ];
}
