/**
 * Counting failed sign-in (and token) attempts, to slow down password and token guessing.
 * Pure and in-process: each API process keeps its own counts (several processes behind a load
 * balancer each allow the limit; the argon2 cost of each attempt still bounds the rate).
 */

/** At most `limit` failures in any `windowMs`; the next attempt waits for the oldest to expire. */
export interface LimitRule {
  limit: number;
  windowMs: number;
}

export interface AttemptLimits {
  /** Failures per account email (sign-in only). */
  perEmail: LimitRule;
  /** Failures per client IP address. */
  perIp: LimitRule;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** 5 failures per email and 20 per IP address in 15 minutes. */
export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = {
  perEmail: { limit: 5, windowMs: FIFTEEN_MINUTES },
  perIp: { limit: 20, windowMs: FIFTEEN_MINUTES },
};

/** Keys tracked at most per counter; beyond, the least recently failed key is forgotten. */
const MAX_KEYS = 50_000;

/**
 * Failure times per key in a sliding window. Only the last `limit` times of a key are kept, so
 * memory is bounded by keys × limit.
 */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly rule: LimitRule, private readonly now: () => number = Date.now, private readonly maxKeys = MAX_KEYS) {}

  /** Whole seconds until `key` may try again (at least 1 when blocked); 0 when it may now. */
  retryAfterSeconds(key: string): number {
    const times = this.recent(key);
    if (times.length < this.rule.limit) return 0;
    const oldest = times[times.length - this.rule.limit];
    return Math.max(1, Math.ceil((oldest + this.rule.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const times = [...this.recent(key), this.now()].slice(-this.rule.limit);
    // Re-inserting moves the key to the end, so the first key is always the least recent.
    this.failures.delete(key);
    this.failures.set(key, times);
    while (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value as string);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  /** Number of keys tracked (for tests). */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const since = this.now() - this.rule.windowMs;
    const kept = times.filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(key);
    else if (kept.length !== times.length) this.failures.set(key, kept);
    return kept;
  }
}

/** Who is attempting: the email tried (none for tokens) and the client's address (if known). */
export interface AttemptSource {
  email?: string | null;
  ip?: string | null;
}

/**
 * The limiter of one kind of attempt (sign-in, or presenting an invitation/reset token): a
 * counter per email and one per IP address. `retryAfterSeconds` is checked before the
 * credentials are (a blocked caller learns nothing, even with the right password); failures are
 * recorded after; a success clears the email's count, not the address's.
 *
 * @example
 * const limiter = new AttemptLimiter();
 * if (limiter.retryAfterSeconds({ email, ip }) > 0) throw tooManyRequests;
 */
export class AttemptLimiter {
  private readonly byEmail: FailureCounter;
  private readonly byIp: FailureCounter;

  constructor(limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS, now: () => number = Date.now) {
    this.byEmail = new FailureCounter(limits.perEmail, now);
    this.byIp = new FailureCounter(limits.perIp, now);
  }

  retryAfterSeconds(source: AttemptSource): number {
    return Math.max(
      source.email ? this.byEmail.retryAfterSeconds(emailKey(source.email)) : 0,
      this.byIp.retryAfterSeconds(ipKey(source.ip)),
    );
  }

  recordFailure(source: AttemptSource): void {
    if (source.email) this.byEmail.fail(emailKey(source.email));
    this.byIp.fail(ipKey(source.ip));
  }

  recordSuccess(source: AttemptSource): void {
    if (source.email) this.byEmail.reset(emailKey(source.email));
  }
}

const emailKey = (email: string) => email.trim().toLowerCase();
// Callers without a known address share one bucket: safer than not counting them.
const ipKey = (ip: string | null | undefined) => ip || 'unknown';
