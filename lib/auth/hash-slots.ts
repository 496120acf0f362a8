// Password hashing is deliberately expensive (scrypt, ~50 ms of CPU and 32 MiB each) and runs on
// libuv's small thread pool, which file reads also need. Without a cap, a burst of sign-ins takes
// every core and every pool thread, and a media download waits seconds behind it. Sign-in attempts
// take a slot before their hash; when the queue is long they are refused at once (429) instead.
export class HashSlots {
  private running = 0;
  private readonly waiting: Array<{ grant: () => void; timer: NodeJS.Timeout }> = [];

  constructor(
    private readonly concurrency: number,
    readonly maxWaiting: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves to a release function, or null when no slot frees up soon enough. */
  acquire(): Promise<(() => void) | null> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.resolve(null);
    return new Promise((resolve) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          resolve(null);
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `running` stays the same.
      if (next) next.grant();
      else this.running -= 1;
    };
  }
}

export const signInHashSlots = new HashSlots(
  Math.max(1, Number(process.env.GLOW_SIGN_IN_HASH_CONCURRENCY ?? 1) || 1),
  Math.max(0, Number(process.env.GLOW_SIGN_IN_HASH_QUEUE ?? 16) || 0),
  5000,
);
