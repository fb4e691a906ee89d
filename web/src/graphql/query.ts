import type { Client, OperationContext } from 'urql';
import type { TadaDocumentNode } from 'gql.tada';

/** Runs a query once and returns its data; a GraphQL or network error is thrown for the caller's alert. */
export async function queryData<Data, Variables extends Record<string, unknown>>(
  client: Client,
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  context?: Partial<OperationContext>,
): Promise<Data> {
  const result = await client.query(document, variables, context).toPromise();
  if (result.error || !result.data) throw result.error ?? new Error('empty response');
  return result.data;
}
