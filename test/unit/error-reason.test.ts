import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import i18next from 'i18next';
import vi from '../../web/src/i18n/vi.json';
import en from '../../web/src/i18n/en.json';
import { errorReason, errorReasons, loadFailureText } from '../../web/src/graphql/error-reason.ts';

const answered = (code: string, message = 'Unit 99 not found as of 2024-12-31') =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code } })], response: new Response('{}', { status: 200 }) });

describe('the reason a failed request is shown with', () => {
  it('follows the API error code, never its English message', () => {
    expect(errorReason(answered('NOT_FOUND'))).toBe('not-found');
    expect(errorReason(answered('FORBIDDEN'))).toBe('forbidden');
    expect(errorReason(answered('UNAUTHENTICATED'))).toBe('forbidden');
    expect(errorReason(answered('TOO_MANY_REQUESTS'))).toBe('busy');
    expect(errorReason(answered('QUERY_TOO_COMPLEX'))).toBe('too-large');
    expect(errorReason(answered('QUERY_TIMEOUT'))).toBe('too-large');
    expect(errorReason(answered('BAD_USER_INPUT'))).toBe('invalid');
    expect(errorReason(answered('INTERNAL_SERVER_ERROR'))).toBe('server');
    expect(errorReason(answered('A_CODE_ADDED_LATER'))).toBe('server');
  });

  it('tells a request that got no answer (offline) from a server that answered without a code', () => {
    expect(errorReason(new CombinedError({ networkError: new TypeError('Failed to fetch') }))).toBe('offline');
    const badGateway = new CombinedError({ networkError: new Error('Bad Gateway'), response: new Response('oops', { status: 502 }) });
    expect(errorReason(badGateway)).toBe('server');
    expect(errorReason(new Error('empty response'))).toBe('server');
  });

  it('has a text for every reason in both languages, shown whole in the language of the map', async () => {
    for (const reason of errorReasons) {
      expect(vi, reason).toHaveProperty([`error.reason.${reason}`]);
      expect(en, reason).toHaveProperty([`error.reason.${reason}`]);
    }
    const t = await i18next.createInstance().init({ lng: 'vi', keySeparator: false, resources: { vi: { translation: vi } } });
    expect(loadFailureText(errorReason(answered('NOT_FOUND')), t)).toBe('Không tải được dữ liệu: không có đơn vị hoặc dữ liệu này vào thời điểm đã chọn');
  });
});
