import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChoroplethEntry } from './unit-status.type.ts';
import { currentDataVersion } from './data-version.repository.ts';

/**
 * Map colours per (parent, level, year, set, kind), kept while the data they were derived from is
 * unchanged: the national commune list costs a query over every assessment item of a year, while a
 * map is reloaded far more often than data is written. Keys on data_version, which triggers bump on
 * any write by any process, so a cached answer is never stale.
 */
export class ChoroplethCache {
  private readonly entries = new Map<string, { version: string; value: Promise<ChoroplethEntry[]> }>();

  constructor(private readonly capacity: number) {}

  async get(em: EntityManager, key: string, compute: () => Promise<ChoroplethEntry[]>): Promise<ChoroplethEntry[]> {
    const version = await currentDataVersion(em);
    const cached = this.entries.get(key);
    if (cached?.version === version) {
      // Most recently used last, so the oldest is evicted first.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.value;
    }
    const value = compute();
    this.entries.set(key, { version, value });
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

/** One per process: every request's StatusService shares it. */
export const choroplethCache = new ChoroplethCache(64);
