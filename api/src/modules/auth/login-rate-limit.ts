import { TooManyRequestsError } from '../../errors/domain-errors.ts';

export interface LoginLimits {
  /** Failed logins allowed per username within the window. */
  perUsername: number;
  /** Failed logins allowed per client address within the window. */
  perAddress: number;
  windowMs: number;
}

export const defaultLoginLimits: LoginLimits = { perUsername: 5, perAddress: 50, windowMs: 15 * 60_000 };

/**
 * In-memory count of failed logins per username and per client address over a sliding window.
 * One process only: a cluster would need a shared store.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginLimits = defaultLoginLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws TOO_MANY_REQUESTS when either key has used up its failures. */
  check(username: string, address: string): void {
    for (const [key, max] of [[`user:${username}`, this.limits.perUsername], [`addr:${address}`, this.limits.perAddress]] as const) {
      const recent = this.recent(key);
      if (recent.length >= max) {
        const retryAfterSeconds = Math.ceil((recent[0] + this.limits.windowMs - this.now()) / 1000);
        throw new TooManyRequestsError(`Too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
      }
    }
  }

  recordFailure(username: string, address: string): void {
    this.prune();
    for (const key of [`user:${username}`, `addr:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** A successful login clears its username's failures (not the address's). */
  recordSuccess(username: string): void {
    this.failures.delete(`user:${username}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  /** Keeps memory bounded under a spray of usernames. */
  private prune(): void {
    if (this.failures.size < 10_000) return;
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}
