/**
 * Phrases an editor of a news archive on diplomacy and war would tag, each a pattern and its label.
 * A label with `$1` takes the matched words. General to the beat, not to any article; users extend
 * it with `content/topics.json` (see the README).
 */
export interface VocabularyEntry {
  pattern: RegExp;
  label: string;
}

const rows: [string, string][] = [
  ['peace (?:talks|negotiations|process|summit|plan|deal|platform|efforts?|agreement|initiative|formula|conference|framework|proposals?)', '$0'],
  ['(?:ceasefire|cease-fire|truce|armistice)s?', 'Ceasefire'],
  ['(?:(?:new|fresh|western|eu|u\\.?s\\.?|economic)\\s+)?sanctions', 'Sanctions'],
  ['security guarantees?', 'Security guarantees'],
  ['memorandum', 'Memorandum'],
  ['(?:frozen|russian|sovereign|immobili[sz]ed|state) assets', '$0'],
  ['prisoner(?:s)? (?:exchange|swap)|exchange of prisoners|prisoners of war|pows?', 'Prisoner exchange'],
  ['nuclear (?:weapons?|arms|talks|deal|programme|program|power plant|plant|threat|deterrent|arsenal|doctrine|test)', '$0'],
  ['(?:presidential|parliamentary|general|snap|local) elections?', '$0'],
  ['nato (?:membership|accession|enlargement|expansion|summit)', '$0'],
  ['(?:military|defen[cs]e|security) (?:aid|assistance|support|package)', 'Military aid'],
  ['(?:arms|weapons?) (?:supplies|deliveries|shipments|exports|sales)', 'Arms supplies'],
  ['humanitarian (?:aid|assistance|corridor|crisis|situation)', 'Humanitarian aid'],
  ['refugees?|displaced people', 'Refugees'],
  ['drone (?:attacks?|strikes?)', 'Drone attacks'],
  ['(?:missile|air|rocket) (?:strikes?|attacks?)', 'Missile strikes'],
  ['territorial integrity', 'Territorial integrity'],
  ['annex(?:ation|ed)', 'Annexation'],
  ['occupied territor(?:y|ies)', 'Occupied territories'],
  ['(?:partial )?mobili[sz]ation', 'Mobilisation'],
  ['peacekeep(?:ers|ing|ing force|ing mission)', 'Peacekeeping'],
  ['direct (?:talks|negotiations)', 'Direct talks'],
  ['bilateral relations|bilateral ties', 'Bilateral relations'],
  ['(?:trade|tariffs?|trade war|trade deal)', 'Trade'],
  ['(?:gas|oil|energy) (?:supplies|prices|exports|deal|transit|infrastructure|crisis)', 'Energy'],
  ['grain (?:deal|exports|corridor|initiative)', 'Grain deal'],
  ['(?:terrorist attack|terror attack|terrorism|terrorist act)s?', 'Terrorism'],
  ['war crimes?', 'War crimes'],
  ['human rights', 'Human rights'],
  ['cyber ?attacks?|cyber ?security|hacking', 'Cyber security'],
  ['espionage|spying|spy', 'Espionage'],
  ['(?:deployment of|deploy) (?:troops|forces)|troops? deployment|foreign troops', 'Troop deployment'],
  ['military infrastructure', 'Military infrastructure'],
  ['(?:counter-?)?offensive', 'Offensive'],
  ['diplomatic (?:resolution|solution|efforts|relations|ties)', 'Diplomacy'],
  ['(?:mediation|mediator|mediate)', 'Mediation'],
  ['referendum', 'Referendum'],
  ['hostages?', 'Hostages'],
  ['migration|migrants', 'Migration'],
  ['climate (?:change|talks|summit)', 'Climate'],
  ['(?:the )?economic forum', 'Economic forum'],
  ['(?:dialogue|talks) with (?:the )?(?:united states|u\\.?s\\.?|washington)', 'US–Russia relations'],
  ['(?:relations|ties) (?:with|between) (?:the )?(?:united states|u\\.?s\\.?|washington)', 'US–Russia relations'],
  ['arms control', 'Arms control'],
  ['air defen[cs]e', 'Air defence'],
  ['energy (?:security|sector|infrastructure)', 'Energy'],
  ['neutrality', 'Neutrality'],
];

export const TOPIC_VOCABULARY: readonly VocabularyEntry[] = rows.map(([source, label]) => ({
  pattern: new RegExp(`\\b(?:${source})\\b`, 'gi'),
  label,
}));
