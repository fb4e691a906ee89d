import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ForbiddenError, UnauthenticatedError } from '../../errors/domain-errors.ts';
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

const isRefusal = (error: unknown): error is DomainError => error instanceof ForbiddenError || error instanceof UnauthenticatedError;

/**
 * Runs a write; when it is refused (FORBIDDEN or UNAUTHENTICATED) the refusal is logged in a
 * transaction of its own, after the write's transaction has rolled back, and the error rethrown.
 * The unit named in the error (scope checks name it) wins over the one the attempt announced.
 */
export async function auditedWrite<T>(em: EntityManager, actor: Actor, attempt: AuditAttempt, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await em.fork().transactional(async (tx) => {
      tx.create(AuditEntry, {
        at: new Date(),
        actorUsername: actor.username,
        actorRole: actor.role ?? undefined,
        action: attempt.action,
        entity: attempt.entity,
        unitCode: (typeof error.details.unitCode === 'string' ? error.details.unitCode : attempt.unitCode) ?? undefined,
        year: attempt.year ?? undefined,
        outcome: AuditOutcome.DENIED,
        reason: `${error.code}: ${error.message}`,
        importBatchId: attempt.importBatchId ?? undefined,
      });
    });
    throw error;
  }
}
