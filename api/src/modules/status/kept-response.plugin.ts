import { Kind, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../server/context.ts';
import { currentDataVersion } from './data-version.repository.ts';

/**
 * Root fields whose answers depend only on their arguments and the data version: every table they
 * read bumps it on any write (migrations data_version and assessment_criteria_met). The map's first
 * requests ask for nothing else.
 */
const versionedRootFields = new Set(['choropleth', 'choroplethColumns', 'criteriaSetForYear', 'criteriaSets', 'criteriaSet', 'dataCoverage', '__typename']);

/**
 * Tells the kept-response route (kept-responses.ts) which answers it may keep: a query of versioned
 * fields only, without errors, at the data version read before it ran (a write during execution
 * then leaves a newer answer under the older version, which the next request no longer matches).
 * Runs after the operation is resolved, so read access and the cost limits were checked; a hit
 * asks read access again before it is sent, and the same request text has the same cost.
 */
export const keptResponsePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async responseForOperation({ operation, contextValue }) {
        const keeping = contextValue.responseKeeping;
        if (keeping && keepable(operation)) keeping.keepAtVersion = await currentDataVersion(contextValue.em);
        return null;
      },
      async willSendResponse({ response, contextValue }) {
        const keeping = contextValue.responseKeeping;
        if (keeping && (response.body.kind !== 'single' || response.body.singleResult.errors)) keeping.keepAtVersion = undefined;
      },
    };
  },
};

/** A query of versioned fields, at least one of them data (`{ __typename }` alone needs no read access). */
function keepable(operation: OperationDefinitionNode | undefined): boolean {
  const fields = operation?.operation === 'query' ? operation.selectionSet.selections : [];
  return (
    fields.length > 0 &&
    fields.every((selection) => selection.kind === Kind.FIELD && versionedRootFields.has(selection.name.value)) &&
    fields.some((selection) => selection.kind === Kind.FIELD && selection.name.value !== '__typename')
  );
}
