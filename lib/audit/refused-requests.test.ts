import { describe, expect, it } from "vitest";
import { RefusalLog, type Refusal, type Repeats } from "./refused-requests";

const refusal = (overrides: Partial<Refusal> = {}): Refusal => ({
  status: 401,
  code: "unauthorized",
  path: "/system/activity",
  ip: "203.0.113.5",
  actorId: null,
  onBehalfOfId: null,
  requestId: "r",
  ...overrides,
});

describe("RefusalLog", () => {
  it("writes the first refusal of a kind at once and the rest of its minute as one count", async () => {
    let now = 0;
    const written: Array<[Refusal, Repeats | null]> = [];
    const log = new RefusalLog(
      async (r, repeats) => void written.push([r, repeats]),
      60_000,
      () => now,
    );
    for (let i = 0; i < 1000; i++) {
      now = i * 10;
      await log.note(refusal());
    }
    await log.note(refusal({ ip: "198.51.100.1" }));
    expect(written.map(([r, repeats]) => [r.ip, repeats])).toEqual([
      ["203.0.113.5", null],
      ["198.51.100.1", null],
    ]);
    now = 60_000;
    await log.flush();
    expect(written[2]?.[1]).toEqual({ count: 999, first_at: new Date(10).toISOString(), last_at: new Date(9990).toISOString() });
    // A kind with no repeats writes nothing more; a new minute starts a new first row.
    expect(written).toHaveLength(3);
    await log.note(refusal());
    expect(written).toHaveLength(4);
  });
});
