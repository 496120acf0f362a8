// A fixed-window limiter per caller, in this process's memory: enough for one server process,
// which is how Glow Admin runs; several processes would need a shared store (PostgreSQL or Redis).
export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the caller may try again, when refused. */
  retryAfterSeconds: number;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateLimitDecision {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.windows.set(key, { startedAt: now, count: 1 });
      if (this.windows.size > 50_000) this.forgetExpired(now);
      return { allowed: true, retryAfterSeconds: 0 };
    }
    window.count += 1;
    if (window.count <= this.limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)) };
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
  }
}

const perMinute = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Per API token (or signed-in user) and per client IP, per minute; configurable by environment. */
export const apiLimiters = {
  perCaller: new FixedWindowLimiter(perMinute("GLOW_RATE_LIMIT_PER_TOKEN", 600), 60_000),
  perIp: new FixedWindowLimiter(perMinute("GLOW_RATE_LIMIT_PER_IP", 1200), 60_000),
};
