/**
 * Common English words that start sentences or headlines with a capital but never belong to a name.
 * Lower case. Kept deliberately general: function words, sentence openers, news vocabulary.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a about above according across actually additionally after afterwards again against ahead all almost along already also
  although always amid amidst among an and another any anyway apparently are around as asked at away back based be
  because been before behind being below beside besides between beyond both briefly but by can cannot certainly clearly
  could currently despite did do does doing down during each earlier either else elsewhere especially even eventually
  ever every everyone everything except far few finally first following for former from further furthermore given had
  has have having he her here hers herself him himself his how however i if in including indeed inside instead into is
  it its itself just last later latest least less like likewise many may maybe me meanwhile might more moreover most
  much must my myself near nearly neither never nevertheless new next no nobody none nor not nothing now of off often
  on once one only onto or other others otherwise our ours ourselves out outside over overall own per perhaps please
  plus previously prior probably quite rather recently regarding regardless same second separately several shall she
  should similarly since so some someone something sometimes soon speaking still subsequently such than that the their
  theirs them themselves then there thereafter therefore these they third this those though through throughout thus to
  today together tomorrow too toward towards under unless unlike until up upon us very via was we well were what
  whatever when whenever where whereas wherever whether which while who whoever whole whom whose why will with within
  without would yes yesterday yet you your yours
  breaking update updated live exclusive analysis opinion editorial watch video photo photos gallery read more related
  share follow subscribe advertisement sponsored comment comments reply login sign register newsletter home news
  world politics business sports sport culture science tech technology health opinion latest top stories story
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
  october november december week month year morning evening night afternoon day days weeks months years
  president minister spokesman spokeswoman spokesperson secretary ambassador official officials leader leaders chief
  government ministry kremlin state states republic federation union national international foreign defence defense
  security council committee office press agency agencies service army forces military war peace talks ceasefire
  summit deal agreement treaty conflict crisis invasion attack attacks strike strikes sanctions election elections
  russian ukrainian american european western eastern northern southern turkish chinese british french german
  source sources report reports reported reporting statement statements interview briefing conference
  mr mrs ms dr prof gen sir st saint
  god allah lord`.split(/\s+/).filter(Boolean),
);
