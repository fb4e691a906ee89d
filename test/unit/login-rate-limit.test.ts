import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '../../api/src/modules/auth/login-rate-limit.ts';
import { TooManyRequestsError } from '../../api/src/errors/domain-errors.ts';

const limits = { perUsernameAndAddress: 3, perUsername: 6, perAddress: 8, windowSeconds: 60, maxDelaySeconds: 4 };

async function fail(limiter: LoginRateLimiter, username: string, address: string) {
  await (await limiter.begin(username, address)).failed();
}

async function refusal(attempt: Promise<unknown>): Promise<TooManyRequestsError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TooManyRequestsError);
  return error as TooManyRequestsError;
}

describe('login rate limits', () => {
  it('lock a username for the address that guessed, not for the real user elsewhere', async () => {
    const limiter = new LoginRateLimiter(limits);
    for (let i = 0; i < 3; i++) await fail(limiter, 'an', '10.0.0.1');
    const locked = await refusal(limiter.begin('an', '10.0.0.1'));
    expect(locked.details.retryAfterSeconds).toBeGreaterThan(50);
    await (await limiter.begin('an', '10.0.0.2')).succeeded();
    await (await limiter.begin('binh', '10.0.0.1')).succeeded();
  });

  it('check at most the allowed number of concurrent guesses of one pair', async () => {
    const limiter = new LoginRateLimiter(limits);
    const attempts = await Promise.allSettled(Array.from({ length: 20 }, () => limiter.begin('an', '10.0.0.1')));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    expect(attempts.filter((a) => a.status === 'rejected').every((a) => (a as PromiseRejectedResult).reason instanceof TooManyRequestsError)).toBe(true);
  });

  it('slow a username guessed from many addresses with a growing delay, never a lockout', async () => {
    const limiter = new LoginRateLimiter(limits);
    for (let i = 0; i < 6; i++) await fail(limiter, 'an', `10.0.1.${i}`);
    // Past the username's limit, one attempt goes through, then the next waits: 1 s, 2 s, 4 s… up to the cap.
    await fail(limiter, 'an', '10.0.2.1');
    const delayed = await refusal(limiter.begin('an', '10.0.2.2'));
    expect(delayed.details.retryAfterSeconds).toBeLessThanOrEqual(limits.maxDelaySeconds);
    await new Promise((resolve) => setTimeout(resolve, Number(delayed.details.retryAfterSeconds) * 1000 + 100));
    await (await limiter.begin('an', '10.0.2.3')).succeeded();
    // A success clears the username's failures: the next attempt is not delayed.
    await (await limiter.begin('an', '10.0.2.4')).succeeded();
  });

  it('slow, not block, an address that sprays usernames', async () => {
    const limiter = new LoginRateLimiter(limits);
    for (let i = 0; i < 8; i++) await fail(limiter, `user${i}`, '10.0.0.9');
    await fail(limiter, 'user8', '10.0.0.9');
    const delayed = await refusal(limiter.begin('someone', '10.0.0.9'));
    expect(delayed.details.retryAfterSeconds).toBeLessThanOrEqual(limits.maxDelaySeconds);
    await (await limiter.begin('someone', '10.0.0.10')).succeeded();
  });
});
