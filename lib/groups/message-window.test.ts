import { describe, expect, it } from "vitest";
import { planMessageWindow } from "./message-window";

// r1 (3 messages), r2 (empty), r3 (4), r4 (2), r5 (empty, trailing): 9 messages in all.
const runs = [
  { id: "r1", message_count: 3 },
  { id: "r2", message_count: 0 },
  { id: "r3", message_count: 4 },
  { id: "r4", message_count: 2 },
  { id: "r5", message_count: 0 },
];

describe("planMessageWindow", () => {
  it.each([
    [0, 100, ["r1", "r2", "r3", "r4", "r5"], ["r1", "r3", "r4"], 0],
    [0, 3, ["r1"], ["r1"], 0],
    [3, 4, ["r2", "r3"], ["r3"], 0],
    [2, 2, ["r1", "r2", "r3"], ["r1", "r3"], 2],
    [4, 1, ["r3"], ["r3"], 1],
    [7, 1, ["r4"], ["r4"], 0],
    [8, 1, ["r4", "r5"], ["r4"], 1],
    [7, 2, ["r4", "r5"], ["r4"], 0],
    [9, 5, [], [], 0],
    [100, 5, [], [], 0],
  ])("offset %i limit %i", (offset, limit, runIds, messageRunIds, skip) => {
    const plan = planMessageWindow(runs, offset, limit);
    expect(plan).toEqual({ total_message_count: 9, run_ids: runIds, message_run_ids: messageRunIds, skip_in_first_run: skip });
  });

  it("lists every run across consecutive pages in order, and each empty run exactly once", () => {
    for (let limit = 1; limit <= 10; limit++) {
      const seen: string[] = [];
      for (let offset = 0; offset < 9; offset += limit) seen.push(...planMessageWindow(runs, offset, limit).run_ids);
      // A run whose messages straddle pages is listed on each of them, next to itself.
      expect(seen.filter((id, i) => id !== seen[i - 1])).toEqual(runs.map((run) => run.id));
      expect(seen.filter((id) => id === "r2" || id === "r5")).toEqual(["r2", "r5"]);
    }
  });

  it("puts the runs of a group without messages on the first page", () => {
    const empty = [
      { id: "a", message_count: 0 },
      { id: "b", message_count: 0 },
    ];
    expect(planMessageWindow(empty, 0, 1).run_ids).toEqual(["a", "b"]);
    expect(planMessageWindow(empty, 1, 1).run_ids).toEqual([]);
    expect(planMessageWindow([], 0, 10)).toEqual({ total_message_count: 0, run_ids: [], message_run_ids: [], skip_in_first_run: 0 });
  });
});
