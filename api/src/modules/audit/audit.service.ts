import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '../../errors/domain-errors.ts';
import type { Actor } from '../auth/access.ts';
import { AuditEntry, AuditOutcome } from './audit-entry.entity.ts';

/** What a write changed, as recorded by `recordAudit` inside the write's own transaction. */
export interface AuditRecord {
  actor: Actor;
  /** The operation: recordAssessment, setTarget, createUser, importAssessments… */
  action: string;
  /** The kind of record written: assessment, recognition, target, user… */
  entity: string;
  entityId?: string | number | null;
  unitCode?: string | null;
  year?: number | null;
  /** Plain JSON snapshots; null before a creation and after a deletion. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  importBatchId?: string | null;
}

/** What a write was about to touch, for the entry written when it is denied. */
export type AuditAttempt = Pick<AuditRecord, 'action' | 'entity' | 'unitCode' | 'year' | 'importBatchId'>;

/**
 * Adds an entry to the write's transaction: `tx` is the EntityManager that `em.transactional` passes,
 * so the entry is committed with the write or rolled back with it.
 */
export function recordAudit(tx: EntityManager, record: AuditRecord): AuditEntry {
  return tx.create(AuditEntry, {
    at: new Date(),
    actorUsername: record.actor.username,
    actorRole: record.actor.role ?? undefined,
    action: record.action,
    entity: record.entity,
    entityId: record.entityId == null ? undefined : String(record.entityId),
    unitCode: record.unitCode ?? undefined,
    year: record.year ?? undefined,
    outcome: AuditOutcome.DONE,
    before: record.before ?? undefined,
    after: record.after ?? undefined,
    importBatchId: record.importBatchId ?? undefined,
  });
}

/**
 * Denied entries per source (actor and client address): a few are kept in full, then the trail
 * records one entry per window that says how many like it were folded in, so refused attempts,
 * however many, cannot flood it.
 */
const deniedEntriesPerSource = new RateLimiterMemory({ points: 30, duration: 10 * 60 });
const foldedRefusals = new Map<string, number>();
const maxTrackedSources = 10_000;

/** What a refused attempt was about to touch, for its denied entry. */
export type DeniedAttempt = AuditAttempt & { entityId?: string | null };

/**
 * Writes a denied entry in a transaction of its own, unless its source has used up its entries for
 * the window; those are counted, and the source's next entry reports them.
 */
export async function recordDenied(em: EntityManager, actor: Actor, attempt: DeniedAttempt, error: DomainError): Promise<void> {
  const source = `${actor.username}\n${actor.address ?? ''}`;
  try {
    await deniedEntriesPerSource.consume(source);
  } catch {
    if (foldedRefusals.size >= maxTrackedSources && !foldedRefusals.has(source)) foldedRefusals.delete(foldedRefusals.keys().next().value!);
    foldedRefusals.set(source, (foldedRefusals.get(source) ?? 0) + 1);
    return;
  }
  const folded = foldedRefusals.get(source) ?? 0;
  foldedRefusals.delete(source);
  const notes = [
    actor.address ? `from ${actor.address}` : '',
    folded ? `${folded} similar refusals from this source before this one were not recorded separately` : '',
  ].filter(Boolean);
  await em.fork().transactional(async (tx) => {
    tx.create(AuditEntry, {
      at: new Date(),
      actorUsername: actor.username,
      actorRole: actor.role ?? undefined,
      action: attempt.action,
      entity: attempt.entity,
      entityId: attempt.entityId ?? undefined,
      unitCode: (typeof error.details.unitCode === 'string' ? error.details.unitCode : attempt.unitCode) ?? undefined,
      year: attempt.year ?? undefined,
      outcome: AuditOutcome.DENIED,
      reason: `${error.code}: ${error.message.slice(0, 500)}${notes.length ? ` [${notes.join('; ')}]` : ''}`,
      importBatchId: attempt.importBatchId ?? undefined,
    });
  });
}

/**
 * Runs a write; when it is refused (a domain error: no rights, too many requests, invalid input, a
 * file refused) the refusal is logged in a transaction of its own, after the write's transaction has
 * rolled back, and the error rethrown. The unit named in the error (scope checks name it) wins over
 * the one the attempt announced.
 */
export async function auditedWrite<T>(em: EntityManager, actor: Actor, attempt: AuditAttempt, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DomainError) await recordDenied(em, actor, attempt, error);
    throw error;
  }
}
