import { describe, expect, it, vi } from 'vitest';
import { httpErrorResponse } from '../../api/src/errors/format-error.ts';
import {
  FileTooLargeError,
  ForbiddenError,
  InvalidInputError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnknownRouteError,
} from '../../api/src/errors/domain-errors.ts';

describe('the REST error boundary', () => {
  it('answers domain errors with their code and status, in the GraphQL error shape', () => {
    expect(httpErrorResponse(new InvalidInputError('year must be a year', { field: 'year' }))).toEqual({
      status: 400,
      body: { errors: [{ message: 'year must be a year', extensions: { code: 'BAD_USER_INPUT', field: 'year' } }] },
    });
    const statuses = [
      new UnauthenticatedError('x'),
      new ForbiddenError('x'),
      new UnknownRouteError('x'),
      new FileTooLargeError('x'),
      new TooManyRequestsError('x'),
    ].map((error) => [httpErrorResponse(error).status, httpErrorResponse(error).body.errors[0].extensions?.code]);
    expect(statuses).toEqual([
      [401, 'UNAUTHENTICATED'],
      [403, 'FORBIDDEN'],
      [404, 'NOT_FOUND'],
      [413, 'FILE_TOO_LARGE'],
      [429, 'TOO_MANY_REQUESTS'],
    ]);
  });

  it('answers the request parsers’ client errors with BAD_REQUEST or the size codes', () => {
    expect(
      httpErrorResponse(Object.assign(new Error('Unexpected token'), { status: 400, type: 'entity.parse.failed', expose: true })).body.errors[0].extensions
        ?.code,
    ).toBe('BAD_REQUEST');
    expect(httpErrorResponse(Object.assign(new Error('too large'), { status: 413, type: 'entity.too.large', expose: true })).status).toBe(413);
    expect(httpErrorResponse(Object.assign(new Error('Misordered multipart fields'), { status: 400, expose: true }))).toMatchObject({
      status: 400,
      body: { errors: [{ message: 'Misordered multipart fields' }] },
    });
  });

  it('masks anything else: no SQL, stack or path reaches the client', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const databaseError = Object.assign(new Error('select ST_AsMVT(...) from tile_geometry - terminating connection due to administrator command'), {
      code: '57P01',
    });
    const answer = httpErrorResponse(databaseError);
    expect(answer).toEqual({ status: 500, body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } });
    expect(JSON.stringify(answer)).not.toMatch(/select|tile_geometry|\.ts|at /);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
