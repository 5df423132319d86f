import { AttemptLimiter, FailureCounter } from '../../server/domain/access/attempt-limiter';

const MINUTE = 60_000;

/** A clock the test moves by hand. */
function clock(start = Date.parse('2025-03-01T09:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

describe('FailureCounter', () => {
  it('allows up to the limit of failures in the window, then blocks until the oldest failure leaves it', () => {
    const c = clock();
    const counter = new FailureCounter({ limit: 3, windowMs: 10 * MINUTE }, c.now);
    counter.fail('k');
    c.advance(MINUTE);
    counter.fail('k');
    expect(counter.retryAfterSeconds('k')).toBe(0);
    c.advance(MINUTE);
    counter.fail('k');
    // The first failure was 2 minutes ago: 8 minutes to wait.
    expect(counter.retryAfterSeconds('k')).toBe(8 * 60);
    c.advance(8 * MINUTE - 1000);
    expect(counter.retryAfterSeconds('k')).toBe(1);
    c.advance(1000);
    expect(counter.retryAfterSeconds('k')).toBe(0);
    // One more failure blocks again, until the second one expires (1 minute later).
    counter.fail('k');
    expect(counter.retryAfterSeconds('k')).toBe(60);
  });

  it('counts each key apart and forgets a key on reset', () => {
    const c = clock();
    const counter = new FailureCounter({ limit: 2, windowMs: MINUTE }, c.now);
    counter.fail('a');
    counter.fail('a');
    counter.fail('b');
    expect(counter.retryAfterSeconds('a')).toBeGreaterThan(0);
    expect(counter.retryAfterSeconds('b')).toBe(0);
    counter.reset('a');
    expect(counter.retryAfterSeconds('a')).toBe(0);
  });

  it('never says 0 while blocked, even less than a second before the end', () => {
    const c = clock();
    const counter = new FailureCounter({ limit: 1, windowMs: MINUTE }, c.now);
    counter.fail('k');
    c.advance(MINUTE - 1);
    expect(counter.retryAfterSeconds('k')).toBe(1);
  });

  it('keeps a bounded number of keys, forgetting the least recently failed first', () => {
    const c = clock();
    const counter = new FailureCounter({ limit: 1, windowMs: MINUTE }, c.now, 3);
    for (const key of ['a', 'b', 'c']) counter.fail(key);
    counter.fail('a'); // a is now the most recent
    counter.fail('d');
    expect(counter.size).toBe(3);
    expect(counter.retryAfterSeconds('b')).toBe(0);
    expect(counter.retryAfterSeconds('a')).toBeGreaterThan(0);
  });

  it('drops keys whose failures all left the window', () => {
    const c = clock();
    const counter = new FailureCounter({ limit: 5, windowMs: MINUTE }, c.now);
    counter.fail('k');
    c.advance(2 * MINUTE);
    expect(counter.retryAfterSeconds('k')).toBe(0);
    expect(counter.size).toBe(0);
  });
});

describe('AttemptLimiter', () => {
  const limits = { perEmail: { limit: 5, windowMs: 15 * MINUTE }, perIp: { limit: 20, windowMs: 15 * MINUTE } };

  it('blocks an email after 5 failures whatever the address, and not another email', () => {
    const c = clock();
    const limiter = new AttemptLimiter(limits, c.now);
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfterSeconds({ email: 'a@x.fr', ip: `10.0.0.${i}` })).toBe(0);
      limiter.recordFailure({ email: 'a@x.fr', ip: `10.0.0.${i}` });
    }
    expect(limiter.retryAfterSeconds({ email: 'a@x.fr', ip: '10.0.0.99' })).toBe(15 * 60);
    expect(limiter.retryAfterSeconds({ email: 'b@x.fr', ip: '10.0.0.99' })).toBe(0);
  });

  it('treats the email without regard to case or surrounding spaces', () => {
    const limiter = new AttemptLimiter(limits, clock().now);
    for (let i = 0; i < 5; i++) limiter.recordFailure({ email: i % 2 ? ' A@X.fr ' : 'a@x.fr', ip: '10.0.0.1' });
    expect(limiter.retryAfterSeconds({ email: 'a@x.FR', ip: '10.0.0.2' })).toBeGreaterThan(0);
  });

  it('blocks an address after 20 failures spread over many emails', () => {
    const limiter = new AttemptLimiter(limits, clock().now);
    for (let i = 0; i < 20; i++) limiter.recordFailure({ email: `user${i}@x.fr`, ip: '203.0.113.7' });
    expect(limiter.retryAfterSeconds({ email: 'fresh@x.fr', ip: '203.0.113.7' })).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds({ email: 'fresh@x.fr', ip: '203.0.113.8' })).toBe(0);
  });

  it("resets the email's count on success but not the address's", () => {
    const limiter = new AttemptLimiter({ perEmail: { limit: 2, windowMs: MINUTE }, perIp: { limit: 3, windowMs: MINUTE } }, clock().now);
    limiter.recordFailure({ email: 'a@x.fr', ip: '1.2.3.4' });
    limiter.recordFailure({ email: 'a@x.fr', ip: '1.2.3.4' });
    limiter.recordSuccess({ email: 'a@x.fr', ip: '1.2.3.4' });
    expect(limiter.retryAfterSeconds({ email: 'a@x.fr', ip: '5.6.7.8' })).toBe(0);
    limiter.recordFailure({ email: 'b@x.fr', ip: '1.2.3.4' });
    expect(limiter.retryAfterSeconds({ email: 'c@x.fr', ip: '1.2.3.4' })).toBeGreaterThan(0);
  });

  it('counts token attempts (no email) by address, callers without an address in one bucket', () => {
    const limiter = new AttemptLimiter({ perEmail: { limit: 5, windowMs: MINUTE }, perIp: { limit: 2, windowMs: MINUTE } }, clock().now);
    limiter.recordFailure({ ip: null });
    limiter.recordFailure({ ip: undefined });
    expect(limiter.retryAfterSeconds({ ip: null })).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds({ ip: '9.9.9.9' })).toBe(0);
  });

  it('lets the caller try again once the window has passed', () => {
    const c = clock();
    const limiter = new AttemptLimiter(limits, c.now);
    for (let i = 0; i < 5; i++) limiter.recordFailure({ email: 'a@x.fr', ip: '1.1.1.1' });
    c.advance(15 * MINUTE);
    expect(limiter.retryAfterSeconds({ email: 'a@x.fr', ip: '1.1.1.1' })).toBe(0);
  });
});
