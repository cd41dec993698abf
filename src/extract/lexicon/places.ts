/**
 * Countries, regions and cities, with the adjectives and other spellings that point to them.
 * Each row: canonical label, then every other form found in text. Used to tell places from people
 * and to tag articles with the places they are about.
 */
const ROWS: string[][] = [
  ['Afghanistan', 'Afghan', 'Kabul'], ['Albania', 'Albanian'], ['Algeria', 'Algerian'], ['Angola', 'Angolan'],
  ['Argentina', 'Argentine', 'Argentinian'], ['Armenia', 'Armenian', 'Yerevan'], ['Australia', 'Australian', 'Canberra'],
  ['Austria', 'Austrian', 'Vienna'], ['Azerbaijan', 'Azerbaijani', 'Azeri', 'Baku'], ['Bahrain', 'Bahraini'],
  ['Bangladesh', 'Bangladeshi', 'Dhaka'], ['Belarus', 'Belarusian', 'Minsk'], ['Belgium', 'Belgian', 'Brussels'],
  ['Bosnia', 'Bosnian', 'Sarajevo'], ['Brazil', 'Brazilian', 'Brasilia'], ['Bulgaria', 'Bulgarian', 'Sofia'],
  ['Cambodia', 'Cambodian'], ['Canada', 'Canadian', 'Ottawa'], ['Chile', 'Chilean'], ['China', 'Chinese', 'Beijing'],
  ['Colombia', 'Colombian'], ['Croatia', 'Croatian', 'Zagreb'], ['Cuba', 'Cuban', 'Havana'], ['Cyprus', 'Cypriot'],
  ['Czech Republic', 'Czech', 'Czechia', 'Prague'], ['Denmark', 'Danish', 'Copenhagen'], ['Egypt', 'Egyptian', 'Cairo'],
  ['Estonia', 'Estonian', 'Tallinn'], ['Ethiopia', 'Ethiopian', 'Addis Ababa'], ['Finland', 'Finnish', 'Helsinki'],
  ['France', 'French', 'Paris', 'Elysee', 'Élysée'], ['Georgia', 'Georgian', 'Tbilisi'], ['Germany', 'German', 'Berlin'],
  ['Greece', 'Greek', 'Athens'], ['Hungary', 'Hungarian', 'Budapest'], ['India', 'Indian', 'New Delhi', 'Delhi'],
  ['Indonesia', 'Indonesian', 'Jakarta'], ['Iran', 'Iranian', 'Tehran', 'Teheran'], ['Iraq', 'Iraqi', 'Baghdad'],
  ['Ireland', 'Irish', 'Dublin'], ['Israel', 'Israeli', 'Jerusalem', 'Tel Aviv'], ['Italy', 'Italian', 'Rome'],
  ['Japan', 'Japanese', 'Tokyo'], ['Jordan', 'Jordanian', 'Amman'], ['Kazakhstan', 'Kazakh', 'Astana'],
  ['Kenya', 'Kenyan', 'Nairobi'], ['Kosovo', 'Kosovar'], ['Kuwait', 'Kuwaiti'], ['Kyrgyzstan', 'Kyrgyz', 'Bishkek'],
  ['Latvia', 'Latvian', 'Riga'], ['Lebanon', 'Lebanese', 'Beirut'], ['Libya', 'Libyan', 'Tripoli'],
  ['Lithuania', 'Lithuanian', 'Vilnius'], ['Malaysia', 'Malaysian'], ['Mexico', 'Mexican'], ['Moldova', 'Moldovan', 'Chisinau'],
  ['Mongolia', 'Mongolian'], ['Montenegro', 'Montenegrin'], ['Morocco', 'Moroccan', 'Rabat'], ['Myanmar', 'Burmese'],
  ['Netherlands', 'Dutch', 'The Hague', 'Amsterdam'], ['New Zealand'], ['Nigeria', 'Nigerian'],
  ['North Korea', 'North Korean', 'Pyongyang', 'DPRK'], ['North Macedonia', 'Macedonian'], ['Norway', 'Norwegian', 'Oslo'],
  ['Oman', 'Omani', 'Muscat'], ['Pakistan', 'Pakistani', 'Islamabad'], ['Palestine', 'Palestinian', 'Gaza', 'West Bank', 'Ramallah'],
  ['Philippines', 'Filipino', 'Philippine', 'Manila'], ['Poland', 'Polish', 'Warsaw'], ['Portugal', 'Portuguese', 'Lisbon'],
  ['Qatar', 'Qatari', 'Doha'], ['Romania', 'Romanian', 'Bucharest'], ['Russia', 'Russian', 'Moscow', 'Russian Federation'],
  ['Saudi Arabia', 'Saudi', 'Riyadh', 'Jeddah'], ['Serbia', 'Serbian', 'Belgrade'], ['Singapore', 'Singaporean'],
  ['Slovakia', 'Slovak', 'Bratislava'], ['Slovenia', 'Slovenian', 'Ljubljana'], ['Somalia', 'Somali'],
  ['South Africa', 'South African', 'Pretoria'], ['South Korea', 'South Korean', 'Seoul'], ['Spain', 'Spanish', 'Madrid'],
  ['Sudan', 'Sudanese', 'Khartoum'], ['Sweden', 'Swedish', 'Stockholm'], ['Switzerland', 'Swiss', 'Geneva', 'Bern', 'Davos'],
  ['Syria', 'Syrian', 'Damascus'], ['Taiwan', 'Taiwanese', 'Taipei'], ['Tajikistan', 'Tajik', 'Dushanbe'],
  ['Thailand', 'Thai', 'Bangkok'], ['Tunisia', 'Tunisian'], ['Turkey', 'Türkiye', 'Turkiye', 'Turkish', 'Ankara', 'Istanbul'],
  ['Turkmenistan', 'Turkmen'], ['Ukraine', 'Ukrainian', 'Kyiv', 'Kiev'], ['United Arab Emirates', 'UAE', 'Emirati', 'Abu Dhabi', 'Dubai'],
  ['United Kingdom', 'UK', 'U.K.', 'Britain', 'British', 'Great Britain', 'London', 'Downing Street'],
  ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'American', 'Washington', 'White House', 'Pentagon'],
  ['Uzbekistan', 'Uzbek', 'Tashkent'], ['Venezuela', 'Venezuelan', 'Caracas'], ['Vietnam', 'Vietnamese', 'Hanoi'],
  ['Yemen', 'Yemeni', 'Sanaa', 'Houthi', 'Houthis'], ['Vatican', 'Holy See'],
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

/** Organisations that are topics of their own. Canonical label first. */
const ORG_ROWS: string[][] = [
  ['NATO', 'North Atlantic Treaty Organization', 'Nato', 'the Alliance'], ['European Union', 'EU', 'E.U.', 'Brussels'],
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
export const GAZETTEER: ReadonlyMap<string, PlaceEntry> = new Map([...index(ROWS, 'place'), ...index(ORG_ROWS, 'organisation')]);

/** The longest form in the gazetteer, in words, for greedy matching. */
export const GAZETTEER_MAX_WORDS = 4;
