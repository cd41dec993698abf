/** Words that make up a person's role or title ("Kremlin spokesman", "Turkish Foreign Minister"). Lower case. */
export const ROLE_HEADS: ReadonlySet<string> = new Set([
  'president', 'vice-president', 'minister', 'premier', 'chancellor', 'spokesman', 'spokeswoman', 'spokesperson',
  'secretary', 'ambassador', 'envoy', 'chief', 'head', 'leader', 'senator', 'congressman', 'congresswoman',
  'representative', 'governor', 'mayor', 'general', 'commander', 'admiral', 'colonel', 'lieutenant', 'major',
  'captain', 'director', 'adviser', 'advisor', 'aide', 'official', 'officer', 'diplomat', 'negotiator', 'king', 'queen',
  'prince', 'princess', 'emir', 'sheikh', 'pope', 'chairman', 'chairwoman', 'chairperson', 'chair', 'deputy', 'speaker',
  'lawmaker', 'mp', 'mep', 'analyst', 'expert', 'professor', 'economist', 'researcher', 'commissioner', 'coordinator',
  'counsellor', 'counselor', 'attaché', 'consul', 'judge', 'prosecutor', 'lawyer', 'attorney', 'justice', 'monarch',
  'ceo', 'founder', 'editor', 'correspondent', 'journalist', 'reporter', 'columnist', 'politician', 'strongman',
  'dictator', 'patriarch', 'cardinal', 'archbishop', 'bishop', 'rabbi', 'imam', 'cleric', 'ayatollah', 'mufti',
  'presidency', 'staff', 'member', 'candidate', 'nominee', 'incumbent', 'foreign', 'defence', 'defense', 'press',
  'prime', 'first', 'national', 'security', 'interior', 'finance', 'state', 'deputy', 'acting', 'former', 'ex',
  'top', 'senior', 'special', 'assistant', 'supreme', 'high', 'economy', 'energy', 'trade', 'justice', 'health',
  'culture', 'education', 'agriculture', 'affairs', 'council', 'cabinet', 'army', 'military', 'intelligence',
  'counterpart', 'secretary-general', 'treasury', 'presidential', 'democrat', 'republican', 'relations', 'cooperation', 'development',
  'transport', 'environment', 'labour', 'labor', 'social', 'welfare', 'digital', 'tourism', 'youth', 'family',
  'housing', 'infrastructure', 'reconstruction', 'integration', 'veterans', 'emergency', 'emergencies',
  'communications', 'information', 'science', 'innovation', 'planning', 'investment', 'commerce', 'industry',
  'immigration', 'homeland', 'unification', 'reintegration', 'territories', 'international', 'european', 'regional',
]);

/** Role words that name the job itself (the head of a role phrase). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'president', 'minister', 'premier', 'chancellor', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary',
  'ambassador', 'envoy', 'chief', 'head', 'leader', 'senator', 'congressman', 'congresswoman', 'representative',
  'governor', 'mayor', 'general', 'commander', 'admiral', 'colonel', 'director', 'adviser', 'advisor', 'aide',
  'official', 'diplomat', 'negotiator', 'king', 'queen', 'prince', 'emir', 'sheikh', 'pope', 'chairman',
  'chairwoman', 'chairperson', 'chair', 'deputy', 'speaker', 'lawmaker', 'mp', 'mep', 'analyst', 'expert', 'professor',
  'commissioner', 'coordinator', 'consul', 'judge', 'prosecutor', 'lawyer', 'attorney', 'monarch', 'ceo', 'founder',
  'editor', 'correspondent', 'journalist', 'columnist', 'patriarch', 'ayatollah', 'cleric', 'officer', 'economist',
  'researcher', 'candidate', 'secretary-general', 'vice-president', 'press secretary', 'member', 'counterpart',
  'democrat', 'republican', 'conservative', 'socialist', 'liberal', 'tory', 'nationalist', 'communist',
]);

/** Honorifics written before a name. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sen', 'rep', 'gov', 'adm', 'sgt', 'rev',
  'sir', 'dame', 'lord', 'lady', 'mx', 'herr', 'frau', 'monsieur', 'madame', 'pres', 'sheikh', 'emir', 'king', 'queen',
  'prince', 'pope', 'president', 'minister', 'chancellor', 'premier', 'ambassador', 'senator', 'governor', 'mayor',
  'general', 'admiral', 'colonel', 'commander', 'patriarch', 'ayatollah', 'secretary', 'spokesman', 'spokeswoman',
  'spokesperson', 'envoy', 'director', 'judge', 'justice', 'deputy', 'representative', 'speaker',
]);

/** Heads of organisation names ("Federal Security Service", "Foreign Ministry"). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'ministry', 'service', 'office', 'agency', 'council', 'committee', 'commission', 'department', 'government',
  'kremlin', 'pentagon', 'parliament', 'embassy', 'bureau', 'army', 'forces', 'force', 'command', 'navy', 'guard',
  'administration', 'cabinet', 'court', 'union', 'organization', 'organisation', 'alliance', 'party', 'corps',
  'assembly', 'senate', 'congress', 'duma', 'rada', 'knesset', 'bank', 'fund', 'group', 'institute', 'foundation',
  'company', 'corporation', 'authority', 'authorities', 'directorate', 'headquarters', 'staff', 'secretariat',
  'mission', 'delegation', 'coalition', 'movement', 'front', 'brigade', 'battalion', 'regiment', 'division',
  'police', 'militia', 'house', 'palace', 'presidency', 'nations', 'states', 'federation', 'republic', 'inc', 'ltd',
  'association', 'network', 'channel', 'tv', 'television', 'radio', 'newspaper', 'times', 'post', 'news', 'press',
  'herald', 'journal', 'gazette', 'tribune', 'daily', 'weekly', 'review', 'observer', 'guardian', 'telegraph',
  'center', 'centre', 'forum', 'museum', 'university', 'school', 'college', 'academy', 'hospital', 'church',
  'cathedral', 'mosque', 'village', 'hall', 'club', 'society', 'initiative', 'programme', 'program', 'project',
  'airlines', 'airways', 'railways', 'energy', 'gas', 'oil', 'petroleum', 'holdings', 'capital', 'partners',
]);

/** Organisation heads that can speak ("the ministry said"), for pronoun-free references. */
export const SPEAKING_ORG_NOUNS: ReadonlySet<string> = new Set([
  'ministry', 'service', 'office', 'agency', 'council', 'committee', 'commission', 'department', 'government',
  'kremlin', 'pentagon', 'embassy', 'army', 'military', 'command', 'administration', 'cabinet', 'court', 'alliance',
  'party', 'authorities', 'spokesperson', 'presidency', 'directorate', 'headquarters', 'staff',
  'mission', 'delegation', 'police', 'movement', 'forces', 'navy', 'militia', 'white house', 'state department', 'foreign ministry', 'defence ministry',
  'defense ministry', 'un', 'nato', 'eu', 'organization', 'organisation', 'secretariat', 'group', 'union',
]);
