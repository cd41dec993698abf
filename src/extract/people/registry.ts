import type { Person } from '../types.js';
import { givenNamesCompatible, namePartKey, nameTokens, surnameKey } from './name-keys.js';

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

  /** Adds a mention (a full name, a surname, an organisation) and returns the entity it names. */
  add(name: string, kind: EntityKind, role: string | null, at: number): Entity {
    const existing = this.find(name, kind);
    if (existing) {
      if (nameTokens(name).length > nameTokens(existing.name).length && kind === 'person') {
        existing.aliases.add(existing.name);
        existing.name = name;
      } else if (name !== existing.name) existing.aliases.add(name);
      if (!existing.role && role) existing.role = role;
      existing.lastSeen = Math.max(existing.lastSeen, at);
      return existing;
    }
    const entity: Entity = { kind, name, role, aliases: new Set(), lastSeen: at, order: this.entities.length };
    this.entities.push(entity);
    return entity;
  }

  /** The entity a mention names, if already known. */
  find(name: string, kind: EntityKind | null = null): Entity | null {
    const tokens = nameTokens(name);
    if (tokens.length === 0) return null;
    const key = surnameKey(name);
    let best: Entity | null = null;
    for (const entity of this.entities) {
      if (kind && entity.kind !== kind) continue;
      if (entity.kind === 'organisation') {
        if (orgMatches(entity, name)) return entity;
        continue;
      }
      const candidates = [entity.name, ...entity.aliases];
      const hit = candidates.some((candidate) => {
        if (surnameKey(candidate) !== key) return false;
        return givenNamesCompatible(nameTokens(candidate).slice(0, -1), tokens.slice(0, -1));
      });
      if (hit && (!best || entity.lastSeen > best.lastSeen)) best = entity;
    }
    return best;
  }

  /** A person whose role fits a role phrase ("the Kremlin spokesman", "the U.S. President"). */
  findByRole(rolePhrase: string): Entity | null {
    const words = rolePhrase.toLowerCase().replace(/[’']s\b/g, '').split(/[^a-z.]+/).filter((w) => w && w !== 'the' && w !== 'a');
    const head = words[words.length - 1];
    if (!head) return null;
    let best: Entity | null = null;
    let bestScore = 0;
    for (const entity of this.entities) {
      if (entity.kind !== 'person' || !entity.role) continue;
      const roleWords = entity.role.toLowerCase().split(/[^a-z.]+/).filter(Boolean);
      if (!roleWords.includes(head) && !(head.startsWith('spokes') && roleWords.some((w) => w.startsWith('spokes')))) continue;
      const score = words.filter((w) => roleWords.includes(w)).length + 1;
      if (score > bestScore || (score === bestScore && best && entity.lastSeen > best.lastSeen)) {
        best = entity;
        bestScore = score;
      }
    }
    return best;
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

function orgKey(name: string): string {
  return nameTokens(name)
    .map(namePartKey)
    .filter((t) => t !== 'the')
    .join(' ');
}

function orgMatches(entity: Entity, name: string): boolean {
  const key = orgKey(name);
  for (const candidate of [entity.name, ...entity.aliases]) {
    const other = orgKey(candidate);
    if (other === key || other.endsWith(` ${key}`) || key.endsWith(` ${other}`)) return true;
  }
  return false;
}
