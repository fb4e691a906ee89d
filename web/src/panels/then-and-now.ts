import type { LineageEntry } from '../layers/lineage.loader.ts';

/** How a predecessor's last record counts in the roll-up line. */
export type LastRecordClass = 'recognised' | 'assessed' | 'no-data';

/** The class of a predecessor's last record: recognised NTM, assessed below the standard, or none. Pure. */
export function lastRecordClass(entry: Pick<LineageEntry, 'last'>): LastRecordClass {
  const status = entry.last?.status;
  if (!status) return 'no-data';
  return status.band === 'recognised' ? 'recognised' : 'assessed';
}

/**
 * The roll-up line's counts over the predecessors (the line is derived, never the new unit's own
 * assessment): how many were recognised, assessed below the standard, without data, and how many of
 * the records are demo data. Pure.
 */
export function rollUpCounts(entries: readonly Pick<LineageEntry, 'relation' | 'last'>[]) {
  const predecessors = entries.filter((e) => e.relation === 'predecessor');
  const count = (c: LastRecordClass) => predecessors.filter((e) => lastRecordClass(e) === c).length;
  return {
    total: predecessors.length,
    recognised: count('recognised'),
    assessed: count('assessed'),
    noData: count('no-data'),
    synthetic: predecessors.filter((e) => e.last?.status?.synthetic).length,
  };
}
