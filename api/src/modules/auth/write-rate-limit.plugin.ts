import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../../errors/domain-errors.ts';
import type { RequestContext } from '../../server/context.ts';

/** Writes (mutation fields, aliases counted) per client address and per account in a minute; `login` has its own limits. */
export const writesPerMinute = 300;

/** The fields a selection asks for at its own level, through fragments. */
function fieldNames(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldNames(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    if (seen.has(name) || !fragments[name]) return [];
    seen.add(name);
    return fieldNames(fragments[name].selectionSet, fragments, seen);
  });
}

/**
 * Counts every write of a mutation against its client address and, when logged in, its account,
 * before any of it runs; past the limit the whole operation is refused with TOO_MANY_REQUESTS.
 */
export function writeRateLimitPlugin(): ApolloServerPlugin<RequestContext> {
  const perAddress = new RateLimiterMemory({ points: writesPerMinute, duration: 60 });
  const perAccount = new RateLimiterMemory({ points: writesPerMinute, duration: 60 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (operation?.operation !== 'mutation') return;
          const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
          const writes = fieldNames(operation.selectionSet, fragments).filter((name) => name !== 'login' && name !== '__typename').length;
          if (!writes) return;
          const { actor } = contextValue.access;
          try {
            await perAddress.consume(actor.address ?? 'unknown', writes);
            if (actor.kind !== 'anonymous') await perAccount.consume(actor.username, writes);
          } catch (rejection) {
            if (!(rejection instanceof RateLimiterRes)) throw rejection;
            const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
            const error = new TooManyRequestsError(`Too many writes; the limit is ${writesPerMinute} a minute. Try again in ${retryAfterSeconds} s`, {
              retryAfterSeconds,
            });
            throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 429 } } });
          }
        },
      };
    },
  };
}
