/**
 * Every Redis key newsbot uses is built here, under one configurable prefix (key layout
 * documented in ./README.md).
 *
 * Redis Cluster: the part of a key between `{` and `}` (the hash tag) picks its slot. An article
 * and everything that must change with it live in one key tagged `{a:ID}`; each global index is
 * its own key (its whole name is hashed), so indexes spread across nodes and are updated in
 * separate, idempotent steps. No operation sends one command over keys of different slots.
 */

/** Lower-case, brace-free, bounded key part for free text such as a source name. */
export function keyPart(text: string): string {
  return encodeURIComponent(text.trim().toLowerCase()).slice(0, 120);
}

export class Keys {
  constructor(readonly prefix: string) {}

  /** A global key `PREFIX:name[:part...]` (its own slot). Other stores build their keys here. */
  global(name: string, ...parts: string[]): string {
    return [this.prefix, name, ...parts.map(keyPart)].join(':');
  }

  /** A key in the slot of hash tag `tag`: `PREFIX:{tag}[:part...]`. */
  tagged(tag: string, ...parts: string[]): string {
    return [`${this.prefix}:{${keyPart(tag)}}`, ...parts.map(keyPart)].join(':');
  }

  /** Hash holding one article: headline (`h`), compressed article + analysis (`d`). */
  article(id: string): string {
    return `${this.prefix}:{a:${id}}`;
  }

  /** Zset of every article id, scored by published time in ms (ingest time when unknown). */
  recent(): string {
    return `${this.prefix}:recent`;
  }

  /** Zset of the articles of one source, scored by published time. */
  source(name: string): string {
    return `${this.prefix}:src:${keyPart(name)}`;
  }

  /** Zset of source display names, scored by how many articles each has. */
  sources(): string {
    return `${this.prefix}:sources`;
  }

  /** Hash: canonical URL → article id. */
  urls(): string {
    return `${this.prefix}:url`;
  }

  /** Hash: content hash (first 32 hex digits) → article id. */
  hashes(): string {
    return `${this.prefix}:hash`;
  }

  /** Inverted index: zset of article ids for one stemmed term, scored by weight + recency. */
  term(stem: string): string {
    return `${this.prefix}:t:${keyPart(stem)}`;
  }

  /** Lexicographic zset (all scores 0) of title words, for autocomplete prefix lookups. */
  titleWords(): string {
    return `${this.prefix}:tw`;
  }

  /** HyperLogLog of the distinct indexed terms (for stats). */
  termCount(): string {
    return `${this.prefix}:terms`;
  }
}
