import { describe, expect, it } from "vitest";
import { agentCostBars, agentUsageView, maxDailyBars } from "./prepare";
import type { AgentDay, AgentListItem } from "./schemas";

const agent = (name: string, total_cost: string, run_count: number): AgentListItem => ({
  agent_id: `00000000-0000-4000-8000-${String(name.length).padStart(12, "0")}`,
  name,
  kind: "student_persona",
  description: null,
  current_version: 1,
  session_count: 1,
  run_count,
  failed_run_count: 0,
  input_tokens: 10,
  output_tokens: 5,
  total_tokens: 15,
  total_cost,
  avg_response_ms: null,
  error_rate: null,
  last_used_at: null,
});

const day = (date: string, run_count: number, failed_run_count: number, total_cost = "0.5"): AgentDay => ({
  day: date,
  session_count: 1,
  run_count,
  failed_run_count,
  input_tokens: 0,
  output_tokens: 0,
  total_tokens: 0,
  total_cost,
  avg_response_ms: null,
  error_rate: null,
});

describe("agentCostBars", () => {
  it("orders agents by exact cost, leaves out agents without runs, and sums the total exactly", () => {
    const view = agentCostBars([agent("Jordan", "0.1", 3), agent("Grader", "0.2", 1), agent("Idle", "0", 0)]);
    expect(view.bars.map((bar) => bar.name)).toEqual(["Grader", "Jordan"]);
    expect(view.summary).toBe("$0.30 across 2 agents; Grader cost the most ($0.20).");
    expect(agentCostBars([agent("Idle", "0", 0)]).summary).toBe("No agent ran in this window.");
  });
});

describe("agentUsageView", () => {
  it("fills the days without runs and keeps failures apart", () => {
    const view = agentUsageView([day("2026-03-01", 4, 1), day("2026-03-03", 2, 0)]);
    expect(view.grain).toBe("day");
    expect(view.buckets.map((b) => [b.key, b.succeeded_or_other, b.failed])).toEqual([
      ["2026-03-01", 3, 1],
      ["2026-03-02", 0, 0],
      ["2026-03-03", 2, 0],
    ]);
    expect(view.summary).toBe("6 runs from Mar 1 to Mar 3, 1 of them failed, per day.");
  });

  it(`shows months past ${maxDailyBars} days, summing their days exactly`, () => {
    const view = agentUsageView([day("2026-01-05", 1, 0, "0.1"), day("2026-01-20", 1, 1, "0.2"), day("2026-06-01", 5, 0)]);
    expect(view.grain).toBe("month");
    expect(view.buckets.map((b) => b.key)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"]);
    expect(view.buckets[0]).toMatchObject({ succeeded_or_other: 1, failed: 1, cost_label: "$0.30" });
    expect(agentUsageView([]).buckets).toEqual([]);
  });
});
