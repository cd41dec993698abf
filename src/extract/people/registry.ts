import type { Person } from '../types.js';
import { GAZETTEER } from '../lexicon/places.js';
import { givenInitialsCompatible, nameInfo, namePartKey, nameTokens, type NameInfo } from './name-keys.js';

export type EntityKind = 'person' | 'organisation';

export interface Entity {
  kind: EntityKind;
  /** Canonical name: the fullest spelling seen. */
  name: string;
  role: string | null;
  aliases: Set<string>;
  /** Block index of the latest mention, for recency. */
  lastSeen: number;
  /** Order of first mention. */
  order: number;
}

/** Everyone named in one article: full names first, surnames and variants resolved to them. */
export class PersonRegistry {
  readonly entities: Entity[] = [];
  /** Answers of `find` since the registry last changed: a story names the same people sentence after sentence. */
  private readonly answers = new Map<EntityKind | null, Map<string, Entity | null>>();
  /** Each entity's spellings read for matching (its name, then its aliases in order), by `order`: kept as they change. */
  private readonly spellings: NameInfo[][] = [];

  /** `nameInfo` of the names this article asked about, kept here: a small table is read faster than the shared one. */
  private readonly infos = new Map<string, NameInfo>();

  private info(name: string): NameInfo {
    let info = this.infos.get(name);
    if (info === undefined) {
      info = nameInfo(name);
      this.infos.set(name, info);
    }
    return info;
  }

  /** Adds a mention (a full name, a surname, an organisation) and returns the entity it names. */
  add(written: string, kind: EntityKind, role: string | null, at: number): Entity {
    const name = kind === 'organisation' ? written.replace(/^the\s+/i, '') : written;
    const existing = this.find(name, kind);
    if (existing) {
      // a new name or alias, or a later mention, changes what `find` answers (a role does not)
      let changed = false;
      if (this.info(name).tokens.length > this.info(existing.name).tokens.length && kind === 'person') {
        existing.aliases.add(existing.name);
        existing.name = name;
        this.respell(existing);
        changed = true;
      } else if (name !== existing.name && !existing.aliases.has(name)) {
        existing.aliases.add(name);
        this.respell(existing);
        changed = true;
      }
      if (!existing.role && role) existing.role = role;
      if (at > existing.lastSeen) {
        existing.lastSeen = at;
        changed = true;
      }
      if (changed) this.answers.clear();
      return existing;
    }
    this.answers.clear();
    const entity: Entity = { kind, name, role, aliases: new Set(), lastSeen: at, order: this.entities.length };
    this.entities.push(entity);
    this.spellings.push([this.info(name)]);
    return entity;
  }

  private respell(entity: Entity): void {
    this.spellings[entity.order] = [entity.name, ...entity.aliases].map((spelling) => this.info(spelling));
  }

  /** Another name of an entity ("RSF" of "Rapid Support Forces"). */
  addAlias(entity: Entity, alias: string): void {
    entity.aliases.add(alias);
    this.respell(entity);
    this.answers.clear();
  }

  /** The entity a mention names, if already known: same surname (or a transliteration of it), compatible given names. */
  find(name: string, kind: EntityKind | null = null): Entity | null {
    // by kind, then by name: no key is built for a question
    let byName = this.answers.get(kind);
    if (!byName) {
      byName = new Map<string, Entity | null>();
      this.answers.set(kind, byName);
    }
    let answer = byName.get(name);
    if (answer === undefined) {
      answer = this.lookUp(name, kind);
      byName.set(name, answer);
    }
    return answer;
  }

  private lookUp(name: string, kind: EntityKind | null): Entity | null {
    const info = this.info(name);
    const tokens = info.tokens;
    if (tokens.length === 0) return null;
    let best: Entity | null = null;
    let bestExact = false;
    for (const entity of this.entities) {
      if (kind && entity.kind !== kind) continue;
      if (entity.kind === 'organisation') {
        if (orgMatches(entity, name)) return entity;
        continue;
      }
      // the canonical name, then each alias
      for (const other of this.spellings[entity.order]!) {
        const exact = other.surname === info.surname;
        if ((exact || (other.looseSurname === info.looseSurname && tokens.length >= 2)) && givenInitialsCompatible(other, info)) {
          if (!best || (exact && !bestExact) || (exact === bestExact && entity.lastSeen > best.lastSeen)) {
            best = entity;
            bestExact = exact;
          }
        }
      }
    }
    if (best || kind === 'organisation' || tokens.length !== 1) return best;
    // "Sheikh Mohammed", "Wang told", "Lula said": a given name used alone, a family name written first, a short name
    const only = info.firstKey;
    // (an entity's first spelling is its name's)
    // the only person fitting, counted in a loop (no list made: most words fit nobody)
    let byFirst: Entity | null = null;
    let byFirstCount = 0;
    for (const e of this.entities) {
      if (e.kind === 'person' && this.spellings[e.order]![0]!.tokens.length >= 2 && this.spellings[e.order]![0]!.firstKey === only) {
        byFirst = e;
        byFirstCount++;
      }
    }
    if (byFirstCount === 1) return byFirst;
    let byAny: Entity | null = null;
    let byAnyCount = 0;
    for (const e of this.entities) {
      if (e.kind === 'person' && this.spellings[e.order]![0]!.tokens.length >= 3 && this.spellings[e.order]![0]!.tokens.some((t) => namePartKey(t) === only)) {
        byAny = e;
        byAnyCount++;
      }
    }
    return byAnyCount === 1 ? byAny : null;
  }

  /**
   * The person a role phrase points at ("the Kremlin spokesman", "the Egyptian minister", "the
   * Turkish leader"): the job must fit, the other words must not contradict the person's role, and
   * the most recently mentioned wins a tie. `recency` gives each entity's latest mention so far.
   */
  findByRole(rolePhrase: string, recency: ReadonlyMap<Entity, number> | null = null, lookAhead = false, introducesName = false): Entity | null {
    const words = roleWords(rolePhrase);
    if (words.length === 0) return null;
    const jobs = phraseJobs(words);
    if (jobs.size === 0) return null;
    const modifiers = words.filter((w) => !JOB_WORDS.has(w));
    let best: Entity | null = null;
    let bestScore = 0;
    for (const entity of this.entities) {
      if (entity.kind !== 'person' || !entity.role) continue;
      if (recency && !recency.has(entity) && !lookAhead) continue;
      const role = roleWords(entity.role);
      const roleJobs = jobsOf(role);
      roleJobs.add('official');
      let score = 0;
      for (const job of jobs) {
        // "the official", "the spokesperson": only someone the story gave that title
        if (LITERAL_JOBS.has(job) && !role.some((r) => r === job || (job === 'spokesperson' && r.startsWith('spokes')))) continue;
        if (roleJobs.has(job)) score = Math.max(score, 3);
      }
      if (score === 0) continue;
      for (const modifier of modifiers) {
        const place = placeOf(modifier);
        if (role.includes(modifier) || (place && role.some((r) => placeOf(r) === place))) score += 2;
        else if (place && role.some((r) => placeOf(r) !== null)) score -= 5;
      }
      const seen = recency?.get(entity) ?? entity.lastSeen;
      const bestSeen = best ? (recency?.get(best) ?? best.lastSeen) : -1;
      if (score > bestScore || (score === bestScore && best && seen > bestSeen)) {
        best = entity;
        bestScore = score;
      }
    }
    if (bestScore > 0) return best;
    // the lead often gives the title before the name ("The head of the UN's atomic watchdog said … Rafael Grossi")
    if (recency && !lookAhead) {
      const later = this.findByRole(rolePhrase, recency, true);
      if (later && !recency.has(later)) return later;
    }
    if (lookAhead) return null;
    if (![...jobs].some((job) => TOP_JOBS.has(job))) {
      // "Qatar's foreign ministry spokesman said …" in the lead, "Majed Al-Ansari said" after it: the next person named without a title
      return recency && introducesName && !jobs.has('official') ? this.entities.find((e) => e.kind === 'person' && !e.role && !recency.has(e)) ?? null : null;
    }
    // nobody has that title: the person the story was about most lately, among those it gives no title
    let fallback: Entity | null = null;
    for (const entity of this.entities) {
      if (entity.kind !== 'person' || entity.role || !recency?.has(entity)) continue;
      if (!fallback || recency.get(entity)! > recency.get(fallback)!) fallback = entity;
    }
    return fallback ?? (recency && introducesName ? this.entities.find((e) => e.kind === 'person' && !e.role && !recency.has(e)) ?? null : null);
  }

  /** The most recently mentioned organisation. */
  latestOrganisation(before: number): Entity | null {
    let best: Entity | null = null;
    for (const entity of this.entities) {
      if (entity.kind !== 'organisation' || entity.lastSeen > before) continue;
      if (!best || entity.lastSeen >= best.lastSeen) best = entity;
    }
    return best;
  }

  people(): Person[] {
    return this.entities.map((e) => ({ name: e.name, role: e.role, aliases: [...e.aliases].filter((a) => a !== e.name).sort() }));
  }
}

const orgKeys = new Map<string, string>();

/** An organisation's name folded for comparison ("The Russian Federal Security Service" → "russian federal security service"). */
function orgKey(name: string): string {
  let key = orgKeys.get(name);
  if (key === undefined) {
    if (orgKeys.size > 20_000) orgKeys.clear();
    key = nameTokens(name)
      .map(namePartKey)
      .filter((t) => t !== 'the')
      .join(' ');
    orgKeys.set(name, key);
  }
  return key;
}

function orgKeysMatch(key: string, other: string): boolean {
  return other === key || (other.length > key.length && other.endsWith(key) && other[other.length - key.length - 1] === ' ') || (key.length > other.length && key.endsWith(other) && key[key.length - other.length - 1] === ' ');
}

function orgMatches(entity: Entity, name: string): boolean {
  const key = orgKey(name);
  if (orgKeysMatch(key, orgKey(entity.name))) return true;
  for (const alias of entity.aliases) if (orgKeysMatch(key, orgKey(alias))) return true;
  return false;
}

function roleWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}.\-]+/u)
    .map((w) => w.replace(/\.$/, ''))
    .filter((w) => w && !['the', 'a', 'an', 'this', 'that', 'of', 'to', 'for', 'and', 'top', 'senior', 'new', 'former', 'its', 'his', 'her'].includes(w));
}

/** Jobs a role word names; synonyms point at the same job ("leader" → president, prime minister …). */
const JOBS: Record<string, string[]> = {
  president: ['president', 'leader', 'head-of-state'],
  'vice-president': ['vice-president'],
  premier: ['prime-minister', 'leader'],
  chancellor: ['prime-minister', 'leader'],
  king: ['monarch', 'leader', 'head-of-state'],
  emir: ['monarch', 'leader', 'head-of-state'],
  monarch: ['monarch', 'leader', 'head-of-state'],
  leader: ['leader'],
  minister: ['minister', 'diplomat'],
  secretary: ['minister', 'secretary', 'chief'],
  'secretary-general': ['secretary-general', 'chief'],
  spokesman: ['spokesperson'],
  spokeswoman: ['spokesperson'],
  spokesperson: ['spokesperson'],
  ambassador: ['ambassador', 'diplomat', 'envoy'],
  envoy: ['envoy', 'diplomat'],
  representative: ['envoy', 'representative'],
  diplomat: ['diplomat'],
  chief: ['chief'],
  head: ['chief'],
  director: ['chief'],
  commander: ['commander', 'chief'],
  general: ['commander'],
  official: ['official'],
  senator: ['lawmaker'],
  lawmaker: ['lawmaker'],
  mp: ['lawmaker'],
  governor: ['governor'],
  mayor: ['mayor'],
  adviser: ['adviser'],
  advisor: ['adviser'],
  aide: ['adviser'],
  analyst: ['expert'],
  expert: ['expert'],
  commissioner: ['commissioner', 'chief'],
  chairman: ['chief', 'leader'],
  chair: ['chief'],
  negotiator: ['negotiator', 'envoy'],
  counterpart: ['minister', 'diplomat', 'leader', 'president', 'prime-minister', 'chief', 'spokesperson', 'envoy'],
};
const JOB_WORDS = new Set([...Object.keys(JOBS), 'prime', 'state', 'foreign', 'press', 'deputy']);

/** Jobs an unnamed person often holds: they match only the same words in a role. */
const LITERAL_JOBS = new Set(['official', 'spokesperson', 'adviser', 'expert', 'representative']);
/** Jobs of a story's protagonist, whom "the president" or "the prime minister" means when no one else has the title. */
const TOP_JOBS = new Set(['president', 'prime-minister', 'leader', 'head-of-state', 'monarch', 'minister', 'chief', 'secretary-general', 'commissioner']);

/** The job a role phrase names, literally: "the minister" is a minister, "the leader" a leader. */
function phraseJobs(words: string[]): Set<string> {
  const jobs = new Set<string>();
  words.forEach((w, i) => {
    if (w === 'minister' && words[i - 1] === 'prime') jobs.add('prime-minister');
    else if (w === 'state' && (words[i - 1] === 'head' || words[i - 2] === 'head')) jobs.add('head-of-state');
    else if (w === 'secretary' && words[i + 1] === 'state') jobs.add('diplomat');
    else if (JOBS[w]) jobs.add(JOBS[w]![0]!);
    else if (w.startsWith('spokes')) jobs.add('spokesperson');
  });
  if (jobs.has('head-of-state')) {
    jobs.delete('chief');
    jobs.delete('head-of-state');
    jobs.add('head-of-state');
  }
  return jobs;
}

/** Every job a person's role counts as: a foreign minister is a minister and a diplomat. */
function jobsOf(words: string[]): Set<string> {
  const jobs = new Set<string>();
  words.forEach((w, i) => {
    if (w === 'minister' && words[i - 1] === 'prime') {
      jobs.add('prime-minister');
      jobs.add('leader');
      return;
    }
    if (w === 'state' && words[i - 1] === 'head') jobs.add('head-of-state');
    if (w === 'secretary' && words[i + 1] === 'state') jobs.add('diplomat');
    if (w === 'foreign' || w === 'diplomatic') jobs.add('diplomat');
    for (const job of JOBS[w] ?? (w.startsWith('spokes') ? ['spokesperson'] : [])) jobs.add(job);
  });
  if (jobs.has('head-of-state')) jobs.add('president');
  return jobs;
}

/** The place a role word names ("u.s" → United States, "egyptian" → Egypt), or null. */
function placeOf(word: string): string | null {
  const entry = GAZETTEER.get(word) ?? GAZETTEER.get(`${word}.`);
  return entry && entry.kind === 'place' ? entry.label : null;
}
