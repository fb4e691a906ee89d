import { InvalidInputError } from '../errors/domain-errors.ts';

/** A Relay cursor: opaque to clients, inside "<kind>:<position>" in base64url. */
export function toCursor(kind: string, position: string): string {
  return Buffer.from(`${kind}:${position}`).toString('base64url');
}

/**
 * The position inside a cursor of this kind, matched against an anchored pattern; a cursor of
 * another kind or shape is bad input of the `after` argument.
 */
export function fromCursor(kind: string, cursor: string, position: RegExp): RegExpExecArray {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const match = decoded.startsWith(`${kind}:`) ? position.exec(decoded.slice(kind.length + 1)) : null;
  if (!match) throw new InvalidInputError(`Invalid cursor "${cursor}"`, { argument: 'after' });
  return match;
}
