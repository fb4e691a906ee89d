import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../../errors/domain-errors.ts';

export interface LoginLimits {
  /** Failed logins allowed for one username from one address in the window; then that pair waits out the window. */
  perUsernameAndAddress: number;
  /** Failed logins of one username (from any address) before each further attempt is delayed. */
  perUsername: number;
  /** Failed logins from one address (any usernames) before each further attempt is delayed. */
  perAddress: number;
  windowSeconds: number;
  /** The progressive delay doubles from 1 s per failure over the limit, up to this. */
  maxDelaySeconds: number;
}

export const defaultLoginLimits: LoginLimits = { perUsernameAndAddress: 5, perUsername: 10, perAddress: 50, windowSeconds: 15 * 60, maxDelaySeconds: 60 };

/** A login allowed to check its password; the caller settles it as a failure or a success. */
export interface LoginAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
}

/**
 * Failed-login limits, in memory (one process; a cluster would need rate-limiter-flexible's shared
 * stores). An attempt reserves its place before the password is checked, so concurrent guesses cannot
 * slip past the count. The guesser's own username × address pair is locked for the window; the
 * username and the address as a whole are only slowed (a delay that doubles per failure up to a
 * minute), so an attacker elsewhere, or a neighbour behind the same NAT, cannot lock the real user out.
 */
export class LoginRateLimiter {
  private readonly pairFailures: RateLimiterMemory;
  private readonly failures: { username: RateLimiterMemory; address: RateLimiterMemory };
  private readonly pace: { username: RateLimiterMemory; address: RateLimiterMemory };

  constructor(private readonly limits: LoginLimits = defaultLoginLimits) {
    const counter = (points: number) => new RateLimiterMemory({ points, duration: limits.windowSeconds });
    this.pairFailures = counter(limits.perUsernameAndAddress);
    // Counted without a refusal of their own: past the limit, the pace limiters below take over.
    this.failures = { username: counter(Number.MAX_SAFE_INTEGER), address: counter(Number.MAX_SAFE_INTEGER) };
    // One attempt per window of a length chosen per attempt (customDuration): the progressive delay.
    this.pace = { username: counter(1), address: counter(1) };
  }

  /** Throws TOO_MANY_REQUESTS (with retryAfterSeconds) when this login must wait; otherwise reserves it. */
  async begin(username: string, address: string): Promise<LoginAttempt> {
    const pairKey = `${username}\n${address}`;
    await refuseWhenRejected(this.pairFailures.consume(pairKey));
    try {
      await this.waitTurn('username', username, this.limits.perUsername);
      await this.waitTurn('address', address, this.limits.perAddress);
    } catch (error) {
      await this.pairFailures.reward(pairKey);
      throw error;
    }
    return {
      failed: async () => {
        await Promise.all([this.failures.username.consume(username), this.failures.address.consume(address)]);
      },
      // A success clears its pair and its username's failures, not the address's.
      succeeded: async () => {
        await Promise.all([this.pairFailures.delete(pairKey), this.failures.username.delete(username), this.pace.username.delete(username)]);
      },
    };
  }

  private async waitTurn(scope: 'username' | 'address', key: string, allowedFailures: number): Promise<void> {
    const failed = (await this.failures[scope].get(key))?.consumedPoints ?? 0;
    if (failed < allowedFailures) return;
    const delaySeconds = Math.min(2 ** (failed - allowedFailures), this.limits.maxDelaySeconds);
    await refuseWhenRejected(this.pace[scope].consume(key, 1, { customDuration: delaySeconds }));
  }
}

async function refuseWhenRejected(consumed: Promise<RateLimiterRes>): Promise<void> {
  try {
    await consumed;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new TooManyRequestsError(`Too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}
