import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The counter that triggers bump on any write to the tables statuses and colours derive from, by
 * any process. Read on every cached answer: one indexed single-row read is cheaper than trusting a
 * stale copy for a while, and a write shows on the next request.
 */
export async function currentDataVersion(em: EntityManager): Promise<string> {
  const [{ version }] = await em.getConnection().execute<{ version: string }[]>('select version::text as version from data_version where id = 1');
  return version;
}
