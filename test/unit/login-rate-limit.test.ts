import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '../../api/src/modules/auth/login-rate-limit.ts';
import { TooManyRequestsError } from '../../api/src/errors/domain-errors.ts';

function limiter() {
  let now = 0;
  const limits = new LoginRateLimiter({ perUsername: 3, perAddress: 5, windowMs: 60_000 }, () => now);
  return { limits, advance: (ms: number) => (now += ms) };
}

describe('login rate limits', () => {
  it('refuse a username after its failures, until the window has passed', () => {
    const { limits, advance } = limiter();
    for (let i = 0; i < 3; i++) {
      limits.check('an', '10.0.0.1');
      limits.recordFailure('an', '10.0.0.1');
      advance(1000);
    }
    expect(() => limits.check('an', '10.0.0.2')).toThrow(TooManyRequestsError);
    expect(() => limits.check('binh', '10.0.0.2')).not.toThrow();
    advance(57_001);
    expect(() => limits.check('an', '10.0.0.2')).not.toThrow();
  });

  it('refuse an address that tries many usernames', () => {
    const { limits } = limiter();
    for (const name of ['a', 'b', 'c', 'd', 'e']) limits.recordFailure(name, '10.0.0.9');
    expect(() => limits.check('f', '10.0.0.9')).toThrow(/Too many failed logins/);
    expect(() => limits.check('f', '10.0.0.10')).not.toThrow();
  });

  it('forget a username’s failures after a successful login', () => {
    const { limits } = limiter();
    limits.recordFailure('an', '10.0.0.1');
    limits.recordFailure('an', '10.0.0.1');
    limits.recordSuccess('an');
    limits.recordFailure('an', '10.0.0.1');
    expect(() => limits.check('an', '10.0.0.1')).not.toThrow();
  });

  it('say when to try again', () => {
    const { limits } = limiter();
    for (let i = 0; i < 3; i++) limits.recordFailure('an', '10.0.0.1');
    try {
      limits.check('an', '10.0.0.1');
      expect.unreachable();
    } catch (error) {
      expect((error as TooManyRequestsError).details).toEqual({ retryAfterSeconds: 60 });
    }
  });
});
