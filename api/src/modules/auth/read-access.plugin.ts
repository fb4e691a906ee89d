import { GraphQLError, Kind } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '../../errors/domain-errors.ts';
import type { RequestContext } from '../../server/context.ts';

/**
 * With PUBLIC_READ=false, a query asking for anything but `me` needs a login; mutations check their
 * own rights. Checked once per operation: a field middleware would wrap every one of the tens of
 * thousands of fields a national choropleth resolves.
 */
export const readAccessPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (operation?.operation !== 'query') return;
        const onlyMe = operation.selectionSet.selections.every(
          (selection) => selection.kind === Kind.FIELD && (selection.name.value === 'me' || selection.name.value === '__typename'),
        );
        if (onlyMe) return;
        try {
          contextValue.access.requireRead();
        } catch (error) {
          // formatError maps the domain error; the status tells HTTP clients without reading the body.
          if (error instanceof DomainError) throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 401 } } });
          throw error;
        }
      },
    };
  },
};
