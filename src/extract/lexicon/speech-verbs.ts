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
  'criticize', 'criticise', 'praise', 'thank', 'condemn', 'reaffirm', 'indicate', 'elaborate', 'outline', 'brief', 'concede', 'speak',
];

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  speak: ['spoke', 'speaks', 'speaking', 'spoken'],
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

/** Verbs whose bare form is more often a noun ("a state", "the report", "a briefing"): only their inflected forms count. */
const NOUN_LIKE = new Set([
  'state', 'post', 'report', 'call', 'point', 'signal', 'charge', 'counter', 'brief', 'note', 'comment', 'answer', 'reply',
  'claim', 'estimate', 'outline', 'welcome', 'tweet', 'joke', 'laugh', 'praise', 'thank', 'demand', 'vow', 'pledge',
  'promise', 'caution', 'express', 'muse', 'hint', 'agree', 'record', 'mention', 'ask', 'continue', 'remark', 'stress',
]);
/** Inflections that read as nouns more often than as verbs of speech. */
const NOUN_FORMS = new Set(['remarks', 'briefing', 'briefs', 'posts', 'reports', 'calls', 'points', 'signals', 'charges', 'counters', 'comments', 'answers', 'replies', 'claims', 'estimates', 'outlines', 'tweets', 'jokes', 'demands', 'vows', 'pledges', 'promises', 'records', 'thanks', 'welcomes', 'statements']);

function inflect(base: string): string[] {
  const irregular = IRREGULAR[base];
  if (irregular) return [base, ...irregular];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const third = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  const forms = [third, `${stem}ed`, `${stem}ing`].filter((f) => !NOUN_FORMS.has(f));
  return NOUN_LIKE.has(base) ? forms : [base, ...forms];
}

/** Every inflected form, lower case. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(BASES.flatMap(inflect));

/** Verbs weak enough that they introduce words only next to a quotation ("called them …"). */
export const WEAK_SPEECH_VERBS: ReadonlySet<string> = new Set(
  ['call', 'describe', 'refer', 'express', 'point', 'welcome', 'dismiss', 'characterize', 'characterise', 'agree', 'report', 'brief', 'thank', 'praise'].flatMap(inflect),
);

/** Phrases that attribute without a verb of their own. */
export const ATTRIBUTION_PHRASES = ['according to', 'in the words of', 'quoted as saying', 'in a statement', 'in an interview'];
