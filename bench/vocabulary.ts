/** Word lists the synthetic archive is drawn from. Invented names only; nothing here names a real person. */

export const FIRST_NAMES = [
  'Amara', 'Bruno', 'Chiara', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hiroshi', 'Ines', 'Jonas',
  'Kalinda', 'Lars', 'Mariam', 'Nikolai', 'Olga', 'Pablo', 'Quentin', 'Rosa', 'Sanjay', 'Tamar',
  'Ulrich', 'Valeria', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Adebayo', 'Beatriz', 'Cormac', 'Daria',
  'Emeka', 'Freya', 'Goran', 'Hana', 'Idris', 'Jelena', 'Kofi', 'Leila', 'Mateus', 'Nadia',
  'Oskar', 'Priya', 'Rafael', 'Sigrid', 'Tomasz', 'Ulla', 'Viktor', 'Wanjiru', 'Yara', 'Zoran',
  'Anouk', 'Basil', 'Camille', 'Dorian', 'Esther', 'Florin', 'Gideon', 'Helga', 'Ilya', 'Juno',
] as const;

export const SURNAMES = [
  'Abernathy', 'Bakshi', 'Castellano', 'Dragomir', 'Eriksen', 'Fonseca', 'Gutierrez', 'Halvorsen', 'Ivanova', 'Jankowski',
  'Kovacs', 'Lindqvist', 'Mbeki', 'Nakamura', 'Okonkwo', 'Petrescu', 'Quintero', 'Rasmussen', 'Sokolov', 'Takahashi',
  'Urquhart', 'Varga', 'Whitlock', 'Xenakis', 'Yilmaz', 'Zielinski', 'Achterberg', 'Bianchi', 'Carvalho', 'Delacroix',
  'Esposito', 'Fairbairn', 'Grigoryan', 'Haddad', 'Iglesias', 'Jovanovic', 'Kaminski', 'Lombardi', 'Moreau', 'Novak',
  'Oyelaran', 'Pacheco', 'Radovan', 'Szabo', 'Tanaka', 'Ustinov', 'Vasquez', 'Wojcik', 'Yamamoto', 'Zapata',
  'Almeida', 'Brennan', 'Chowdhury', 'Dimitrov', 'Engstrom', 'Ferreira', 'Gallagher', 'Horvath', 'Ishikawa', 'Kuznetsov',
] as const;

export const COUNTRIES = [
  'Norland', 'Valdoria', 'Estmark', 'Karvia', 'Lusitra', 'Moravan', 'Ostrelia', 'Pelagon', 'Rovena', 'Sundria',
  'Tessaly', 'Ulmark', 'Vestria', 'Westvale', 'Zentara', 'Aurelia', 'Brevonia', 'Calmora', 'Dunmere', 'Feralia',
] as const;

export const CITIES = [
  'Port Alder', 'Greymouth', 'Saint Orin', 'Lake Veda', 'Kessington', 'Marrow Bay', 'New Halden', 'Rivenford', 'Solano', 'Tarsk',
  'Eastwick', 'Brightwater', 'Caldera', 'Dunmore', 'Fenwick', 'Glasspoint', 'Harrowgate', 'Ironvale', 'Juniper', 'Kingsbridge',
] as const;

export const ORGANISATIONS = [
  'National Grid Authority', 'Central Bank', 'Transport Workers Union', 'Chamber of Commerce', 'Health Ministry',
  'Coastal Guard', 'Farmers Federation', 'Supreme Court', 'Electoral Commission', 'Port Authority',
  'Teachers Union', 'Water Board', 'Housing Agency', 'Competition Office', 'Defence Ministry',
  'Meteorological Office', 'Audit Office', 'Rail Operators Association', 'Medical Association', 'Tourism Council',
] as const;

export const FIELDS = ['economics', 'public health', 'political science', 'climate science', 'law', 'history', 'engineering', 'sociology'] as const;

/** Role templates: `{country}`, `{org}`, `{city}`, `{field}` are filled in. */
export const ROLES = [
  '{country} Foreign Minister', '{country} Finance Minister', 'President of {country}', '{country} Prime Minister',
  'spokesperson for the {org}', 'head of the {org}', '{org} chief executive', 'deputy director of the {org}',
  'mayor of {city}', 'councillor in {city}', 'professor of {field} at the University of {city}', 'analyst at the {org}',
  'senior economist at the {org}', 'union leader in {city}', 'opposition leader in {country}', 'police chief of {city}',
  'ambassador of {country}', 'chair of the {org}', 'lawyer representing the {org}', 'resident of {city}',
] as const;

export const TOPIC_DOMAINS = [
  'Energy', 'Housing', 'Water', 'Rail', 'Ports', 'Farming', 'Fisheries', 'Health care', 'Schools', 'Universities',
  'Elections', 'Courts', 'Policing', 'Defence', 'Trade', 'Tariffs', 'Banking', 'Pensions', 'Taxes', 'Climate',
  'Wildfires', 'Floods', 'Tourism', 'Mining', 'Shipping', 'Aviation', 'Telecoms', 'Data privacy', 'Migration', 'Public transport',
] as const;

export const TOPIC_FACETS = ['policy', 'prices', 'strikes', 'reform', 'funding', 'regulation', 'investigation', 'subsidies', 'shortages', 'investment'] as const;

export const OUTLETS = [
  'The Harbour Times', 'Daily Meridian', 'Northern Courier', 'Evening Ledger', 'The Standard Post',
  'Continental Wire', 'Metro Herald', 'Coastal Gazette', 'Capital Observer', 'World Desk',
] as const;

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const SUBJECTS = [
  'Officials', 'Residents', 'Local businesses', 'Lawmakers', 'Regulators', 'Investors', 'Community groups', 'Analysts',
  'Workers', 'Several ministers', 'Opposition parties', 'Industry groups', 'Campaigners', 'Hospital managers', 'Engineers',
] as const;

export const VERB_PHRASES = [
  'have raised concerns about', 'are still divided over', 'welcomed the decision on', 'called for a review of',
  'warned of delays in', 'expect further changes to', 'have long argued about', 'pointed to rising costs in',
  'questioned the timetable for', 'signed a joint letter on', 'asked for more clarity on', 'are preparing new rules for',
] as const;

export const OBJECTS = [
  'the new proposal', 'the budget plan', 'the regional programme', 'the draft law', 'the latest figures',
  'the inquiry', 'the spending review', 'the five-year strategy', 'the emergency measures', 'the pilot scheme',
] as const;

export const ADVERBIALS = [
  'after weeks of talks', 'earlier this month', 'ahead of a key vote', 'despite repeated warnings', 'in a statement on Tuesday',
  'according to figures released on Friday', 'at a meeting in the capital', 'for the third time this year',
  'following a sharp rise in complaints', 'as the deadline approaches', 'in the wake of last winter', 'during a visit to the region',
] as const;

export const QUOTE_OPENERS = [
  'We have been very clear that', 'Nobody expected that', 'It is simply not acceptable that', 'I think everyone agrees that',
  'Our position has not changed:', 'The evidence shows that', 'We will not accept that', 'Frankly, the reality is that',
  'It is too early to say whether', 'We are working hard to make sure that', 'People deserve to know why', 'There is no doubt that',
] as const;

export const QUOTE_CLAUSES = [
  'the plan needs more time', 'costs will keep rising', 'families are paying the price', 'the rules must apply to everyone',
  'this decision was rushed', 'the funding will arrive next year', 'the numbers do not add up', 'we need a long-term solution',
  'the system is under enormous pressure', 'talks will continue next week', 'the public has been left in the dark',
  'the region cannot wait any longer', 'the agreement is a step forward', 'mistakes were made on all sides',
] as const;

export const QUOTE_TAILS = [
  'and we will keep saying so', 'whatever the critics claim', 'for the sake of the next generation', 'before the summer',
  'and that is what matters most', 'if we act now', 'and we have said that from the start', 'in every part of the country',
] as const;

export const HEADLINE_VERBS = ['warns on', 'defends', 'rejects criticism over', 'calls for action on', 'backs plan for', 'questions', 'signals shift on', 'announces review of'] as const;
export const HEADLINE_TAILS = ['as talks stall', 'amid growing pressure', 'after months of delay', 'ahead of vote', 'as costs climb', 'in surprise move', '', ''] as const;

export const SPEECH_VERBS = ['said', 'added', 'told reporters', 'noted', 'argued', 'stressed', 'explained', 'insisted'] as const;
