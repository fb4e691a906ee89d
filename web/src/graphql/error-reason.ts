import { CombinedError } from 'urql';
import type { TFunction } from 'i18next';

/**
 * Why a request failed, in the user's terms: the key of a text in both languages (`error.reason.<reason>`).
 * The API's own messages are English and written for developers; the map shows this instead.
 */
export const errorReasons = ['offline', 'not-found', 'forbidden', 'busy', 'too-large', 'invalid', 'server'] as const;
export type ErrorReason = (typeof errorReasons)[number];

/** The API's error codes (one shape on every route: `extensions.code`) by the reason a user is told. */
const reasonOfCode: Record<string, ErrorReason> = {
  NOT_FOUND: 'not-found',
  UNAUTHENTICATED: 'forbidden',
  FORBIDDEN: 'forbidden',
  TOO_MANY_REQUESTS: 'busy',
  QUERY_TOO_COMPLEX: 'too-large',
  RESPONSE_TOO_LARGE: 'too-large',
  QUERY_TIMEOUT: 'too-large',
  BAD_USER_INPUT: 'invalid',
  BAD_REQUEST: 'invalid',
  GRAPHQL_VALIDATION_FAILED: 'invalid',
  GRAPHQL_PARSE_FAILED: 'invalid',
};

/** The reason a failed request is shown with: by the API's error code, or "offline" when no answer came at all. Pure. */
export function errorReason(error: unknown): ErrorReason {
  if (!(error instanceof CombinedError)) return 'server';
  const code = error.graphQLErrors.find((e) => typeof e.extensions?.code === 'string')?.extensions.code as string | undefined;
  if (code) return reasonOfCode[code] ?? 'server';
  // A network error without a response: the request never reached the server, or its answer never came back.
  return error.networkError && !error.response ? 'offline' : 'server';
}

/** "Could not load data: <the reason>" in the user's language. Pure. */
export function loadFailureText(reason: ErrorReason, t: TFunction): string {
  return t('error.load', { message: t(`error.reason.${reason}`) });
}
