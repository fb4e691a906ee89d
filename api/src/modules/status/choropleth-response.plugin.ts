import { Kind, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
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
  const entries = new Map<string, CachedResponse>();
  let totalBytes = 0;
  const remove = (key: string) => {
    totalBytes -= entries.get(key)?.bytes ?? 0;
    entries.delete(key);
  };

  return {
    async requestDidStart() {
      let pending: { key: string; version: string } | undefined;
      return {
        async responseForOperation({ operation, queryHash, request, contextValue }) {
          if (capacityBytes <= 0 || !onlyVersionedFields(operation)) return null;
          const key = JSON.stringify([queryHash, request.operationName ?? null, request.variables ?? {}]);
          const version = await currentDataVersion(contextValue.em);
          const hit = entries.get(key);
          if (hit?.version === version) {
            // Most recently used last, so the oldest goes first.
            entries.delete(key);
            entries.set(key, hit);
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { ...hit.result } } };
          }
          pending = { key, version };
          return null;
        },
        async willSendResponse({ response }) {
          if (!pending || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          const { key, version } = pending;
          const result = response.body.singleResult;
          const bytes = JSON.stringify(result).length;
          if (bytes > capacityBytes) return;
          remove(key);
          entries.set(key, { version, result, bytes });
          totalBytes += bytes;
          for (const oldest of entries.keys()) {
            if (totalBytes <= capacityBytes) break;
            remove(oldest);
          }
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
