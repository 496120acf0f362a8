import { afterEach, describe, expect, it, vi } from "vitest";
import { HashSlots } from "./hash-slots";

afterEach(() => vi.useRealTimers());

describe("HashSlots", () => {
  it("runs at most `concurrency` at once and hands a freed slot to the longest waiter", async () => {
    const slots = new HashSlots(1, 2, 10_000);
    const first = await slots.acquire();
    const order: string[] = [];
    const second = slots.acquire().then((release) => (order.push("second"), release));
    const third = slots.acquire().then((release) => (order.push("third"), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    first?.();
    (await second)?.();
    (await third)?.();
    expect(order).toEqual(["second", "third"]);
    // Every slot is free again: two can be taken at once only if concurrency allowed it, so one is.
    expect(await slots.acquire()).toBeTypeOf("function");
  });

  it("refuses at once when the queue is full, and after the longest wait", async () => {
    vi.useFakeTimers();
    const slots = new HashSlots(1, 1, 1500);
    const held = await slots.acquire();
    const waiting = slots.acquire();
    expect(await slots.acquire()).toBeNull();
    vi.advanceTimersByTime(1500);
    expect(await waiting).toBeNull();
    // The timed-out waiter left the queue, so a new one may wait again.
    const again = slots.acquire();
    held?.();
    expect(await again).toBeTypeOf("function");
  });

  it("ignores a second release of the same slot", async () => {
    const slots = new HashSlots(1, 0, 1000);
    const release = await slots.acquire();
    release?.();
    release?.();
    const a = await slots.acquire();
    expect(a).toBeTypeOf("function");
    expect(await slots.acquire()).toBeNull();
  });
});
