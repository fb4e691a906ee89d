import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { DomainError } from './domain-errors.ts';

/** Codes that graphql-js and Apollo assign themselves and that are safe to show as they are. */
const clientErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
]);

/**
 * The one place where errors become GraphQL errors: domain errors keep their code and message,
 * validation errors list the offending fields, anything unexpected is logged and masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  // Errors thrown by plugins (outside any resolver) arrive wrapped without a path.
  const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainError ? unwrapped.originalError : unwrapped;

  if (original instanceof DomainError) {
    return { ...formatted, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = flattenValidationErrors(original.extensions.validationErrors);
    const summary = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
    return { ...formatted, message: `Invalid input: ${summary}`, extensions: { code: 'BAD_USER_INPUT', fields } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && clientErrorCodes.has(code)) return formatted;

  console.error('Unexpected GraphQL error:', original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

interface FieldProblem {
  field: string;
  value: unknown;
  problems: string[];
}

/** Nested input objects report their fields as children; name them by path ("filter.parentCode"). */
function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = error.constraints
      ? [{ field, value: error.value, problems: Object.values(error.constraints) }]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], `${field}.`)];
  });
}
