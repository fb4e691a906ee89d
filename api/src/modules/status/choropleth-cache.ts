import type { EntityManager } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import type { ChoroplethEntry } from './unit-status.type.ts';
import { currentDataVersion } from './data-version.repository.ts';

interface VersionedAnswer {
  version: string;
  value: Promise<ChoroplethEntry[]>;
}

/**
 * Map colours per (parent, level, year, set, kind), kept while the data they were derived from is
 * unchanged: the national commune list costs a query over every assessment item of a year, while a
 * map is reloaded far more often than data is written. Keys on data_version, which triggers bump on
 * any write by any process, so a cached answer is never stale.
 */
export class ChoroplethCache {
  private readonly entries: LRUCache<string, VersionedAnswer>;

  constructor(capacity: number) {
    this.entries = new LRUCache({ max: capacity });
  }

  async get(em: EntityManager, key: string, compute: () => Promise<ChoroplethEntry[]>): Promise<ChoroplethEntry[]> {
    const version = await currentDataVersion(em);
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached.value;
    // The promise is kept, so concurrent requests for one layer share a single computation.
    const answer = { version, value: compute() };
    this.entries.set(key, answer);
    answer.value.catch(() => this.entries.peek(key) === answer && this.entries.delete(key));
    return answer.value;
  }
}

/** One per process: every request's StatusService shares it. */
export const choroplethCache = new ChoroplethCache(64);
