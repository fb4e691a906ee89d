import type express from 'express';
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { InvalidInputError } from '../errors/domain-errors.ts';

/** PostgreSQL text cannot hold U+0000; refused here, one clear 400 instead of a driver error later. */
const nulRefusal = () => new InvalidInputError('Text must not contain the NUL character (U+0000)', { reason: 'nul-character' });

/** Any string in a parsed body, however deeply nested (walked without recursion: bodies can nest deeply). */
function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) return true;
    } else if (next && typeof next === 'object') {
      pending.push(...Object.keys(next), ...Object.values(next));
    }
  }
  return false;
}

/** Refuses a NUL in the URL (path or query) or in a parsed request body. */
export const refuseNulCharacters: express.RequestHandler = (req, _res, next) => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL is exactly what is refused
  next(/%00|\u0000/i.test(req.originalUrl) || holdsNul(req.body) ? nulRefusal() : undefined);
};

/** The same refusal for NULs written into a GraphQL document as string escapes (`"a\u0000b"`). */
export function nulFreeStringsRule(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      if (node.value.includes('\u0000')) context.reportError(new GraphQLError(nulRefusal().message, { nodes: [node] }));
    },
  };
}
