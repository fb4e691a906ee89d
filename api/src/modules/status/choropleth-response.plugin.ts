import { Kind, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { RequestContext } from '../../server/context.ts';
import { currentDataVersion } from './data-version.repository.ts';

/** Root fields whose answers depend only on their arguments and the data version. */
const versionedRootFields = new Set(['choropleth', 'choroplethColumns', '__typename']);

interface CachedResponse {
  version: string;
  result: FormattedExecutionResult;
  bytes: number;
}

/**
 * Keeps whole responses of map-colour queries until the data changes. The colours themselves are
 * cached per data version (choropleth-cache.ts), but GraphQL still completes every value of a
 * national layer (~10,000 units) on each request; a map is reloaded far more often than data is
 * written, so the finished response is kept under the same key. Runs after the operation is
 * resolved, so read access and complexity limits are checked on every request, hits included.
 */
export function choroplethResponsePlugin(capacityBytes: number): ApolloServerPlugin<RequestContext> {
  // A budget of 0 (RESPONSE_CACHE_BYTES=0) turns the cache off; a response larger than the budget is not kept.
  const entries = capacityBytes > 0 ? new LRUCache<string, CachedResponse>({ maxSize: capacityBytes, sizeCalculation: (r) => r.bytes }) : undefined;

  return {
    async requestDidStart() {
      let pending: { key: string; version: string } | undefined;
      return {
        async responseForOperation({ operation, queryHash, request, contextValue }) {
          if (!entries || !onlyVersionedFields(operation)) return null;
          const key = JSON.stringify([queryHash, request.operationName ?? null, request.variables ?? {}]);
          const version = await currentDataVersion(contextValue.em);
          const hit = entries.get(key);
          if (hit?.version === version) {
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { ...hit.result } } };
          }
          pending = { key, version };
          return null;
        },
        async willSendResponse({ response }) {
          if (!entries || !pending || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          const result = response.body.singleResult;
          entries.set(pending.key, { version: pending.version, result, bytes: JSON.stringify(result).length });
        },
      };
    },
  };
}

function onlyVersionedFields(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation?.operation === 'query' &&
    operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && versionedRootFields.has(selection.name.value))
  );
}
