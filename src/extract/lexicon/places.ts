import { WordFilter } from '../text/word-filter.js';

/**
 * Countries, regions and cities, with the adjectives and other spellings that point to them.
 * Each row: canonical label, then every other form found in text. Used to tell places from people
 * and to tag articles with the places they are about.
 */
const ROWS: string[][] = [
  ['Afghanistan', 'Afghan'], ['Albania', 'Albanian'], ['Algeria', 'Algerian'], ['Angola', 'Angolan'],
  ['Argentina', 'Argentine', 'Argentinian'], ['Armenia', 'Armenian'], ['Australia', 'Australian'],
  ['Austria', 'Austrian'], ['Azerbaijan', 'Azerbaijani', 'Azeri'], ['Bahrain', 'Bahraini'],
  ['Bangladesh', 'Bangladeshi'], ['Belarus', 'Belarusian'], ['Belgium', 'Belgian'],
  ['Bosnia', 'Bosnian'], ['Brazil', 'Brazilian'], ['Bulgaria', 'Bulgarian'],
  ['Cambodia', 'Cambodian'], ['Canada', 'Canadian'], ['Chile', 'Chilean'], ['China', 'Chinese'],
  ['Colombia', 'Colombian'], ['Croatia', 'Croatian'], ['Cuba', 'Cuban'], ['Cyprus', 'Cypriot'],
  ['Czech Republic', 'Czech', 'Czechia'], ['Denmark', 'Danish'], ['Egypt', 'Egyptian'],
  ['Estonia', 'Estonian'], ['Ethiopia', 'Ethiopian'], ['Finland', 'Finnish'],
  ['France', 'French', 'Elysee', 'Élysée'], ['Georgia', 'Georgian'], ['Germany', 'German'],
  ['Greece', 'Greek'], ['Hungary', 'Hungarian'], ['India', 'Indian'],
  ['Indonesia', 'Indonesian'], ['Iran', 'Iranian'], ['Iraq', 'Iraqi'],
  ['Ireland', 'Irish'], ['Israel', 'Israeli'], ['Italy', 'Italian'],
  ['Japan', 'Japanese'], ['Jordan', 'Jordanian'], ['Kazakhstan', 'Kazakh'],
  ['Kenya', 'Kenyan'], ['Kosovo', 'Kosovar'], ['Kuwait', 'Kuwaiti'], ['Kyrgyzstan', 'Kyrgyz'],
  ['Latvia', 'Latvian'], ['Lebanon', 'Lebanese'], ['Libya', 'Libyan'],
  ['Lithuania', 'Lithuanian'], ['Malaysia', 'Malaysian'], ['Mexico', 'Mexican'], ['Moldova', 'Moldovan'],
  ['Mongolia', 'Mongolian'], ['Montenegro', 'Montenegrin'], ['Morocco', 'Moroccan'], ['Myanmar', 'Burmese'],
  ['Netherlands', 'Dutch'], ['New Zealand'], ['Nigeria', 'Nigerian'],
  ['North Korea', 'North Korean', 'DPRK'], ['North Macedonia', 'Macedonian'], ['Norway', 'Norwegian'],
  ['Oman', 'Omani'], ['Pakistan', 'Pakistani'], ['Palestine', 'Palestinian'],
  ['Philippines', 'Filipino', 'Philippine'], ['Poland', 'Polish'], ['Portugal', 'Portuguese'],
  ['Qatar', 'Qatari'], ['Romania', 'Romanian'], ['Russia', 'Russian', 'Russian Federation'],
  ['Saudi Arabia', 'Saudi'], ['Serbia', 'Serbian'], ['Singapore', 'Singaporean'],
  ['Slovakia', 'Slovak'], ['Slovenia', 'Slovenian'], ['Somalia', 'Somali'],
  ['South Africa', 'South African'], ['South Korea', 'South Korean'], ['Spain', 'Spanish'],
  ['Sudan', 'Sudanese'], ['Sweden', 'Swedish'], ['Switzerland', 'Swiss'],
  ['Syria', 'Syrian'], ['Taiwan', 'Taiwanese'], ['Tajikistan', 'Tajik'],
  ['Thailand', 'Thai'], ['Tunisia', 'Tunisian'], ['Turkey', 'Türkiye', 'Turkiye', 'Turkish'],
  ['Turkmenistan', 'Turkmen'], ['Ukraine', 'Ukrainian'], ['United Arab Emirates', 'UAE', 'Emirati'],
  ['United Kingdom', 'UK', 'U.K.', 'Britain', 'British', 'Great Britain', 'Downing Street'],
  ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'American', 'White House', 'Pentagon'],
  ['Uzbekistan', 'Uzbek'], ['Venezuela', 'Venezuelan'], ['Vietnam', 'Vietnamese'],
  ['Yemen', 'Yemeni', 'Houthi', 'Houthis'], ['Vatican', 'Holy See'],
  ['Rwanda', 'Rwandan', 'Kigali'], ['Democratic Republic of Congo', 'DR Congo', 'DRC', 'Congolese', 'Kinshasa'], ['Congo'],
  ['Burundi', 'Burundian'], ['Uganda', 'Ugandan', 'Kampala'], ['Tanzania', 'Tanzanian', 'Dodoma'], ['Mali', 'Malian', 'Bamako'],
  ['Niger', 'Nigerien', 'Niamey'], ['Burkina Faso', 'Burkinabe'], ['Chad', 'Chadian'], ['Senegal', 'Senegalese', 'Dakar'],
  ['Ghana', 'Ghanaian', 'Accra'], ['Cameroon', 'Cameroonian'], ['Mozambique', 'Mozambican'], ['Zimbabwe', 'Zimbabwean', 'Harare'],
  ['Zambia', 'Zambian', 'Lusaka'], ['Eritrea', 'Eritrean', 'Asmara'], ['Djibouti'], ['South Sudan', 'South Sudanese', 'Juba'],
  ['Guyana', 'Guyanese', 'Georgetown'], ['Bolivia', 'Bolivian'], ['Peru', 'Peruvian', 'Lima'], ['Ecuador', 'Ecuadorian', 'Quito'],
  ['Paraguay', 'Paraguayan'], ['Uruguay', 'Uruguayan', 'Montevideo'], ['Panama', 'Panamanian'], ['Nicaragua', 'Nicaraguan', 'Managua'],
  ['Honduras', 'Honduran'], ['Guatemala', 'Guatemalan'], ['El Salvador', 'Salvadoran'], ['Haiti', 'Haitian'],
  ['Sri Lanka', 'Sri Lankan', 'Colombo'], ['Nepal', 'Nepalese', 'Kathmandu'], ['Laos', 'Lao'], ['Iceland', 'Icelandic', 'Reykjavik'],
  ['Luxembourg'], ['Malta', 'Maltese'], ['Goma'], ['Bukavu'], ['Darfur'], ['Essequibo'], ['Sahel'], ['Tigray'], ['Amhara'],
  ['Crimea', 'Crimean'], ['Donbas', 'Donbass'], ['Donetsk'], ['Luhansk', 'Lugansk'], ['Zaporizhzhia', 'Zaporozhye'],
  ['Kherson'], ['Kharkiv', 'Kharkov'], ['Odesa', 'Odessa'], ['Mariupol'], ['Bakhmut'], ['Kursk'], ['Belgorod'],
  ['Transnistria'], ['Nagorno-Karabakh', 'Karabakh'], ['Chechnya', 'Chechen', 'Grozny'], ['Dagestan'],
  ['Kaliningrad'], ['Siberia', 'Siberian'], ['Vladivostok'], ['St Petersburg', 'St. Petersburg', 'Saint Petersburg'],
  ['Samara'], ['Shusha'], ['Aleppo'], ['Idlib'], ['Mosul'], ['Rafah'], ['Lviv'], ['Sumy'], ['Dnipro'],
  ['Europe', 'European'], ['Asia', 'Asian'], ['Africa', 'African'], ['Middle East'], ['Latin America'],
  ['Balkans', 'Balkan'], ['Baltic', 'Baltics'], ['Black Sea'], ['Arctic'], ['Caucasus'], ['Central Asia'],
  ['Gulf', 'Persian Gulf', 'Gulf states'], ['Red Sea'], ['Mediterranean'], ['Scandinavia', 'Nordic'],
  ['Korea', 'Korean'], ['Arab world', 'Arab'], ['Scotland', 'Scottish'], ['Wales', 'Welsh'],
];


/** Cities: each its own label ("Istanbul" is a topic of its own, not "Turkey"). */
const CITY_ROWS: string[][] = [
  ['Kabul'], ['Yerevan'], ['Canberra'], ['Vienna'], ['Baku'], ['Dhaka'], ['Minsk'], ['Brussels'], ['Sarajevo'], ['Brasilia'], ['Sofia'], ['Ottawa'], ['Beijing'], ['Zagreb'], ['Havana'], ['Prague'], ['Copenhagen'], ['Cairo'], ['Tallinn'], ['Addis Ababa'], ['Helsinki'], ['Paris'], ['Tbilisi'], ['Berlin'], ['Athens'], ['Budapest'], ['New Delhi'], ['Delhi'], ['Jakarta'], ['Tehran', 'Teheran'], ['Baghdad'], ['Dublin'], ['Jerusalem'], ['Tel Aviv'], ['Rome'], ['Tokyo'], ['Amman'], ['Astana'], ['Nairobi'], ['Bishkek'], ['Riga'], ['Beirut'], ['Tripoli'], ['Vilnius'], ['Chisinau'], ['Rabat'], ['The Hague'], ['Amsterdam'], ['Pyongyang'], ['Oslo'], ['Muscat'], ['Islamabad'], ['Gaza'], ['West Bank'], ['Ramallah'], ['Manila'], ['Warsaw'], ['Lisbon'], ['Doha'], ['Bucharest'], ['Moscow'], ['Riyadh'], ['Jeddah'], ['Belgrade'], ['Bratislava'], ['Ljubljana'], ['Pretoria'], ['Seoul'], ['Madrid'], ['Khartoum'], ['Stockholm'], ['Geneva'], ['Bern'], ['Davos'], ['Damascus'], ['Taipei'], ['Dushanbe'], ['Bangkok'], ['Ankara'], ['Istanbul'], ['Kyiv', 'Kiev'], ['Abu Dhabi'], ['Dubai'], ['London'], ['Washington'], ['Tashkent'], ['Caracas'], ['Hanoi'], ['Sanaa'],
];

/** Organisations that are topics of their own. Canonical label first. */
const ORG_ROWS: string[][] = [
  ['NATO', 'North Atlantic Treaty Organization', 'Nato', 'the Alliance'], ['European Union', 'EU', 'E.U.'],
  ['United Nations', 'UN', 'U.N.', 'UN Security Council', 'Security Council'], ['G7', 'Group of Seven'], ['G20', 'Group of 20'],
  ['BRICS'], ['OSCE'], ['IAEA', 'International Atomic Energy Agency'], ['ICC', 'International Criminal Court'],
  ['OPEC', 'OPEC+'], ['IMF', 'International Monetary Fund'], ['World Bank'], ['Hamas'], ['Hezbollah'], ['Taliban'],
  ['Islamic State', 'ISIS', 'ISIL'], ['al-Qaeda', 'Al Qaeda', 'Al-Qaeda'], ['Wagner', 'Wagner Group'], ['SCO', 'Shanghai Cooperation Organisation'],
  ['Organization of Turkic States'], ['CSTO'], ['ASEAN'], ['African Union'], ['Arab League'], ['WHO', 'World Health Organization'],
  ['Red Cross', 'ICRC'], ['Kremlin'],
];

export interface PlaceEntry {
  label: string;
  kind: 'place' | 'organisation';
}

function index(rows: string[][], kind: PlaceEntry['kind']): Map<string, PlaceEntry> {
  const map = new Map<string, PlaceEntry>();
  for (const row of rows) {
    const entry: PlaceEntry = { label: row[0]!, kind };
    for (const form of row) map.set(form.toLowerCase(), entry);
  }
  return map;
}

/** Lower-cased form → place or organisation it names. */
export const GAZETTEER: ReadonlyMap<string, PlaceEntry> = new Map([...index(ROWS, 'place'), ...index(CITY_ROWS, 'place'), ...index(ORG_ROWS, 'organisation')]);

/** The longest form in the gazetteer, in words, for greedy matching. */
export const GAZETTEER_MAX_WORDS = 4;

/**
 * First word of a gazetteer form → the numbers of words of the forms it opens ("united" → 2, 3).
 * A phrase whose first word opens no form of its length is not looked up.
 */
export const GAZETTEER_FORM_LENGTHS: ReadonlyMap<string, ReadonlySet<number>> = (() => {
  const lengths = new Map<string, Set<number>>();
  for (const form of GAZETTEER.keys()) {
    const words = form.split(' ');
    const set = lengths.get(words[0]!) ?? new Set<number>();
    set.add(words.length);
    lengths.set(words[0]!, set);
  }
  return lengths;
})();

/** The first words of the forms that are written in ASCII letters, to pass over other such words without looking them up. */
export const GAZETTEER_FIRST_WORDS = new WordFilter([...GAZETTEER_FORM_LENGTHS.keys()].filter((word) => /^[a-z]+$/.test(word)));

/**
 * Whether `text.slice(start, end)` may open a gazetteer form once lower-cased: false only for a word of ASCII
 * letters the filter stops (a word of other characters may).
 */
export function mayOpenGazetteerForm(text: string, start: number, end: number): boolean {
  if (end <= start) return true;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i) | 32;
    if (code < 97 || code > 122) return true;
  }
  return GAZETTEER_FIRST_WORDS.mayHold(text, start, end);
}
