/** Verbs that introduce someone's words. Base forms; inflections are generated. */
const BASES = [
  'say', 'add', 'state', 'tell', 'note', 'explain', 'emphasize', 'emphasise', 'stress', 'insist', 'quip', 'remark',
  'declare', 'announce', 'warn', 'argue', 'claim', 'assert', 'continue', 'conclude', 'write', 'reply', 'respond',
  'answer', 'ask', 'clarify', 'confirm', 'acknowledge', 'admit', 'observe', 'highlight', 'underline', 'underscore',
  'recall', 'comment', 'reiterate', 'urge', 'suggest', 'caution', 'tweet', 'post', 'mention', 'inform', 'describe',
  'call', 'refer', 'predict', 'promise', 'vow', 'pledge', 'accuse', 'deny', 'boast', 'complain', 'joke', 'laugh',
  'lament', 'point', 'express', 'assure', 'report', 'announce', 'proclaim', 'maintain', 'contend', 'allege', 'agree',
  'counter', 'retort', 'demand', 'charge', 'recount', 'summarize', 'summarise', 'specify', 'signal', 'hint', 'muse',
  'exclaim', 'shout', 'whisper', 'testify', 'concede', 'estimate', 'characterize', 'characterise', 'dismiss', 'welcome',
  'criticize', 'criticise', 'praise', 'thank', 'condemn', 'reaffirm', 'indicate', 'elaborate', 'outline', 'brief',
];

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'writes', 'writing', 'written'],
  quip: ['quipped', 'quips', 'quipping'],
  admit: ['admitted', 'admits', 'admitting'],
  refer: ['referred', 'refers', 'referring'],
  underline: ['underlined', 'underlines', 'underlining'],
  reply: ['replied', 'replies', 'replying'],
  clarify: ['clarified', 'clarifies', 'clarifying'],
  specify: ['specified', 'specifies', 'specifying'],
  testify: ['testified', 'testifies', 'testifying'],
  deny: ['denied', 'denies', 'denying'],
  muse: ['mused', 'muses', 'musing'],
};

function inflect(base: string): string[] {
  const irregular = IRREGULAR[base];
  if (irregular) return [base, ...irregular];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const third = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  return [base, third, `${stem}ed`, `${stem}ing`];
}

/** Every inflected form, lower case. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(BASES.flatMap(inflect));

/** Verbs weak enough that they introduce words only next to a quotation ("called them …"). */
export const WEAK_SPEECH_VERBS: ReadonlySet<string> = new Set(
  ['call', 'describe', 'refer', 'express', 'point', 'welcome', 'dismiss', 'characterize', 'characterise', 'agree', 'report', 'brief', 'thank', 'praise'].flatMap(inflect),
);

/** Phrases that attribute without a verb of their own. */
export const ATTRIBUTION_PHRASES = ['according to', 'in the words of', 'quoted as saying', 'in a statement', 'in an interview'];
