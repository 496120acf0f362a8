import { describe, expect, it } from "vitest";
import { eventLine } from "./watch";

describe("glow system watch on a terminal", () => {
  it("prints one scannable line per event: time, type, where, and what is new", () => {
    const where = {
      occurred_at: "2026-11-30T10:04:05.000Z",
      profile_id: "6f1c2d3e-0000-4000-8000-000000000001",
      session_id: "5a1b2c3d-0000-4000-8000-000000000002",
      group_id: "4b1c2d3e-0000-4000-8000-000000000003",
      run_id: "3c1d2e3f-0000-4000-8000-000000000004",
    };
    expect(eventLine({ type: "GenerationProgressEvent", ...where, completed_resources: 2, total_resources: 5, percentage: 40 })).toBe(
      "10:04:05  GenerationProgressEvent        session 5a1b2c3d group 4b1c2d3e run 3c1d2e3f  40% (2/5)",
    );
    expect(
      eventLine({
        type: "RunRecordedEvent",
        ...where,
        status: "failed",
        model_id: where.profile_id,
        agent_id: where.profile_id,
        input_tokens: 1000,
        output_tokens: 250,
        cost: "0.0045",
        finished_at: null,
      }),
    ).toMatch(/RunRecordedEvent +session 5a1b2c3d .* failed, 1250 tokens, \$0\.0045$/);
    expect(eventLine({ type: "ResyncEvent", reason: "More than 1000 events were missed." })).toContain(
      "ResyncEvent  More than 1000 events were missed.",
    );
  });
});
