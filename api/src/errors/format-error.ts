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
  'QUERY_TIMEOUT',
  'RESPONSE_TOO_LARGE',
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
    const own = error.constraints ? [{ field, value: error.value, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], `${field}.`)];
  });
}

/** HTTP statuses of the codes REST routes answer with; any other client error is a 400. */
const httpStatusOfCode: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

export interface HttpErrorResponse {
  status: number;
  /** The GraphQL error shape, so a client reads REST and GraphQL errors alike. */
  body: { errors: GraphQLFormattedError[] };
}

/**
 * The same mapping for REST routes (tiles, exports, request bodies refused before GraphQL): domain
 * errors keep their code, the request parsers' client errors become BAD_REQUEST (or the size codes),
 * anything else is logged and masked, so no SQL, stack or path ever reaches a client.
 */
export function httpErrorResponse(error: unknown): HttpErrorResponse {
  const answer = (status: number, code: string, message: string, details: Record<string, unknown> = {}): HttpErrorResponse => ({
    status,
    body: { errors: [{ message, extensions: { code, ...details } }] },
  });
  if (error instanceof DomainError) return answer(httpStatusOfCode[error.code] ?? 400, error.code, error.message, error.details);
  const { status, type, expose, message } = error as { status?: number; type?: string; expose?: boolean; message?: string };
  if (status === 413 && type === 'entity.too.large') return answer(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
  if (status === 413) return answer(413, 'FILE_TOO_LARGE', 'The upload is too large');
  if (type === 'entity.parse.failed') return answer(400, 'BAD_REQUEST', 'The request body is not valid JSON');
  // body-parser and graphql-upload (http-errors) mark client errors whose message is safe to show.
  if (status !== undefined && status >= 400 && status < 500) return answer(status, 'BAD_REQUEST', expose !== false && message ? message : 'Malformed request');
  console.error('Unexpected HTTP error:', error);
  return answer(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}
