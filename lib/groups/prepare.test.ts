import { describe, expect, it } from "vitest";
import {
  addMoney,
  conversationEntries,
  costByModelBars,
  costByMonthStack,
  foldOtherModels,
  mergeGroupPages,
  monthLabel,
  monthsBetween,
  nextMessageOffset,
  priceHistory,
  pricingCharts,
  pricingColors,
  roleLabel,
  runSpan,
  timeOfDay,
  type GroupMessage,
  type GroupRun,
  type MergedRun,
} from "./prepare";
import type { GetGroupResponse } from "./schemas";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function run(n: number): GroupRun {
  return {
    id: id(n),
    created_at: "2026-05-01T10:00:00.000Z",
    input_tokens: 100,
    output_tokens: 20,
    cached_input_tokens: 0,
    cost: "0.001",
    model_id: id(900),
    agent_id: id(901),
    profile_id: id(902),
    finished_at: null,
    duration_ms: null,
    status: "succeeded",
    error: null,
  };
}

function message(n: number, position: number, role: GroupMessage["role"] = "user"): GroupMessage {
  return {
    id: id(100 + n),
    role,
    position,
    created_at: "2026-05-01T10:00:01.000Z",
    text_upload_ids: [],
    audio_upload_ids: [],
    image_upload_ids: [],
    video_upload_ids: [],
    file_upload_ids: [],
    calls: [],
  };
}

function page(offset: number, runs: NonNullable<GetGroupResponse["runs"]>, total = 5, limit = 2): GetGroupResponse {
  return {
    group_exists: true,
    actor_name: "A",
    group_id: id(1),
    group_name: "G",
    session_id: id(2),
    profile_id: id(902),
    created_at: "2026-05-01T10:00:00.000Z",
    total_message_count: total,
    message_limit: limit,
    message_offset: offset,
    runs,
    models: [{ model_id: id(900), name: "gpt-4o", provider: "openai" }],
    agents: [{ agent_id: id(901), name: "Jordan" }],
    profiles: [{ profile_id: id(902), name: "Amara" }],
    uploads: [],
  };
}

describe("group pages", () => {
  it("knows the next offset until the end", () => {
    expect(nextMessageOffset({ message_offset: 0, message_limit: 50, total_message_count: 87 })).toBe(50);
    expect(nextMessageOffset({ message_offset: 50, message_limit: 50, total_message_count: 87 })).toBeUndefined();
    expect(nextMessageOffset({ message_offset: 0, message_limit: 50, total_message_count: 50 })).toBeUndefined();
  });

  it("joins a run split across pages and keeps a refetched message once", () => {
    const first = page(0, [
      { run: run(1), messages: [message(1, 0)], previous_context_start_index: 0 },
      { run: run(2), messages: [message(2, 0)], previous_context_start_index: 1 },
    ]);
    const second = page(2, [{ run: run(2), messages: [message(2, 0), message(3, 1), message(4, 2)], previous_context_start_index: 1 }]);
    const merged = mergeGroupPages([first, second]);
    expect(merged.runs.map((r) => r.run.id)).toEqual([id(1), id(2)]);
    expect(merged.runs[1]!.messages.map((m) => m.position)).toEqual([0, 1, 2]);
    expect(merged.loaded_message_count).toBe(4);
    expect(merged.total_message_count).toBe(5);
    expect(merged.first_offset).toBe(0);
    expect(merged.models[id(900)]?.name).toBe("gpt-4o");
    expect(merged.agents[id(901)]).toBe("Jordan");
    expect(merged.profiles[id(902)]).toBe("Amara");
  });

  it("keeps empty runs in order", () => {
    const merged = mergeGroupPages([page(0, [{ run: run(1), messages: [], previous_context_start_index: 0 }], 0)]);
    expect(merged.runs).toHaveLength(1);
    expect(merged.loaded_message_count).toBe(0);
  });
});

describe("conversation entries", () => {
  const base: MergedRun = { run: run(1), messages: [0, 1, 2, 3].map((p) => message(p, p)), previous_context_start_index: 2 };

  it("puts the context-window marker before the message at the index and dims the ones before it", () => {
    const entries = conversationEntries(base);
    expect(entries.map((e) => (e.type === "message" ? `${e.message.position}${e.carried_over ? "c" : ""}` : "|"))).toEqual([
      "0c",
      "1c",
      "|",
      "2",
      "3",
    ]);
  });

  it("has no marker when nothing is carried over", () => {
    expect(conversationEntries({ ...base, previous_context_start_index: 0 }).some((e) => e.type === "context-start")).toBe(false);
  });

  it("has no marker while the message at the index is not loaded", () => {
    const entries = conversationEntries({ ...base, messages: base.messages.slice(0, 2) });
    expect(entries.some((e) => e.type === "context-start")).toBe(false);
    expect(entries.every((e) => e.type === "message" && e.carried_over)).toBe(true);
  });

  it("labels roles for a Glow conversation", () => {
    expect(roleLabel("user")).toBe("TA");
    expect(roleLabel("assistant")).toBe("Student persona");
    expect(timeOfDay("2026-05-01T13:15:33.277Z")).toBe("13:15:33 UTC");
  });

  it("says when a group's runs happened", () => {
    expect(runSpan("2026-10-05T13:15:33.277Z", "2026-10-05T13:19:00.383Z")).toBe("Oct 5, 2026, 13:15–13:19 UTC");
    expect(runSpan("2026-10-05T23:59:00.000Z", "2026-10-06T00:01:00.000Z")).toBe("Oct 5, 2026 – Oct 6, 2026");
    expect(runSpan(null, null)).toBe("No runs yet");
  });
});

describe("money and months", () => {
  it("adds money strings exactly", () => {
    expect(addMoney(["0.1", "0.2"])).toBe("0.3");
    expect(addMoney(["3.29544", "2.4326958", "0.0000001"])).toBe("5.7281359");
    expect(addMoney(["1", "-0.25"])).toBe("0.75");
    expect(addMoney([])).toBe("0");
  });

  it("labels and fills months", () => {
    expect(monthLabel("2026-05")).toBe("May 2026");
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-03")).toEqual(["2026-03"]);
  });
});

describe("pricing charts", () => {
  const models = [
    { model_id: id(1), name: "claude-sonnet" },
    { model_id: id(2), name: "gpt-4o" },
    { model_id: id(3), name: "unused" },
  ];
  const colors = pricingColors(models);

  it("gives every model a stable colour", () => {
    expect(Object.keys(colors)).toEqual([id(1), id(2), id(3)]);
    expect(new Set(Object.values(colors)).size).toBe(3);
  });

  it("keeps exact and readable cost labels for bars", () => {
    const [bar] = costByModelBars([{ model_id: id(2), name: "gpt-4o", total_cost: "0.0000031", total_tokens: 12, run_count: 1 }], colors);
    expect(bar).toMatchObject({ cost: 0.0000031, cost_label: "$0.0000031", exact_cost_label: "$0.0000031", color: colors[id(2)] });
  });

  it("stacks months by model, filling missing months and models with zero", () => {
    const { months, series } = costByMonthStack(
      [
        { month: "2026-05", model_id: id(2), total_cost: "0.5", total_tokens: 10 },
        { month: "2026-05", model_id: id(1), total_cost: "0.25", total_tokens: 10 },
        { month: "2026-07", model_id: id(1), total_cost: "1", total_tokens: 10 },
      ],
      models,
      colors,
    );
    expect(series.map((s) => s.name)).toEqual(["claude-sonnet", "gpt-4o"]);
    expect(months.map((m) => m.label)).toEqual(["May 2026", "Jun 2026", "Jul 2026"]);
    expect(months[0]).toMatchObject({ values: { [id(1)]: 0.25, [id(2)]: 0.5 }, total_label: "$0.75" });
    expect(months[1]).toMatchObject({ values: { [id(1)]: 0, [id(2)]: 0 }, total_label: "$0.00" });
    expect(months[2]!.labels[id(1)]).toBe("$1.00");
  });

  it("has nothing to stack without runs", () => {
    expect(costByMonthStack([], models, colors)).toEqual({ months: [], series: [] });
  });
});

describe("price history", () => {
  const prices = (from: string, input: string) => ({
    effective_from: from,
    input_per_million: input,
    cached_input_per_million: "0.025",
    output_per_million: "15",
    currency: "USD",
  });

  it("lists prices newest first and marks the current, past and scheduled ones", () => {
    const [model] = priceHistory(
      [
        {
          model_id: id(1),
          name: "gpt-4o",
          provider: "openai",
          prices: [prices("2026-09-08T00:00:00.000Z", "2.5"), prices("2025-10-18T00:00:00.000Z", "5"), prices("2027-01-01T00:00:00.000Z", "2")],
        },
      ],
      new Date("2026-11-22T00:00:00Z"),
    );
    expect(model!.prices.map((p) => [p.effective_from.slice(0, 10), p.status, p.until?.slice(0, 10) ?? null])).toEqual([
      ["2027-01-01", "scheduled", null],
      ["2026-09-08", "current", "2027-01-01"],
      ["2025-10-18", "past", "2026-09-08"],
    ]);
    expect(model!.prices[1]).toMatchObject({ input: "$2.50", cached_input: "$0.025", output: "$15.00" });
  });

  it("has no current price before the first one takes effect", () => {
    const [model] = priceHistory(
      [{ model_id: id(1), name: "m", provider: "p", prices: [prices("2027-01-01T00:00:00.000Z", "1")] }],
      new Date("2026-11-22T00:00:00Z"),
    );
    expect(model!.prices[0]!.status).toBe("scheduled");
  });
});

describe("pricing chart summaries", () => {
  it("names the total, the most expensive model and month", () => {
    const view = pricingCharts({
      models: [
        { model_id: id(1), name: "claude-sonnet", provider: "anthropic", prices: [] },
        { model_id: id(2), name: "gpt-4o", provider: "openai", prices: [] },
      ],
      cost_by_model: [
        { model_id: id(2), name: "gpt-4o", total_cost: "3.29544", total_tokens: 10, run_count: 2 },
        { model_id: id(1), name: "claude-sonnet", total_cost: "2.4326958", total_tokens: 10, run_count: 2 },
      ],
      cost_by_month: [
        { month: "2026-05", model_id: id(1), total_cost: "2.4326958", total_tokens: 10 },
        { month: "2026-06", model_id: id(2), total_cost: "3.29544", total_tokens: 10 },
      ],
    });
    expect(view.byModel.summary).toBe("$5.73 across 2 models; gpt-4o cost the most ($3.30).");
    expect(view.byMonth.summary).toBe("May 2026 to Jun 2026; the most expensive month was Jun 2026 ($3.30).");
    expect(view.byModel.bars[0]!.color).toBe(pricingColors([{ model_id: id(2), name: "gpt-4o" }, { model_id: id(1), name: "claude-sonnet" }])[id(2)]);
  });

  it("says when there is nothing to draw", () => {
    const view = pricingCharts({ models: [], cost_by_model: [], cost_by_month: [] });
    expect(view.byModel.summary).toBe("No runs in this window.");
    expect(view.byMonth).toEqual({ months: [], series: [], summary: "No runs in this window." });
  });
});

describe("many models", () => {
  const models = [1, 2, 3, 4].map((n) => ({ model_id: id(n), name: `m${n}`, provider: "p", prices: [] }));
  const input = {
    models,
    cost_by_model: [
      { model_id: id(3), name: "m3", total_cost: "3", total_tokens: 30, run_count: 3 },
      { model_id: id(1), name: "m1", total_cost: "2", total_tokens: 20, run_count: 2 },
      { model_id: id(2), name: "m2", total_cost: "0.5", total_tokens: 5, run_count: 1 },
      { model_id: id(4), name: "m4", total_cost: "0.25", total_tokens: 5, run_count: 1 },
    ],
    cost_by_month: [
      { month: "2026-05", model_id: id(2), total_cost: "0.5", total_tokens: 5 },
      { month: "2026-05", model_id: id(4), total_cost: "0.25", total_tokens: 5 },
      { month: "2026-05", model_id: id(3), total_cost: "3", total_tokens: 30 },
    ],
  };

  it("folds all but the most expensive into one entry with exact sums", () => {
    const folded = foldOtherModels(input, 3);
    expect(folded.cost_by_model.map((row) => [row.name, row.total_cost, row.run_count])).toEqual([
      ["m3", "3", 3],
      ["m1", "2", 2],
      ["2 other models", "0.75", 2],
    ]);
    expect(folded.models.map((model) => model.name)).toEqual(["m1", "m3", "2 other models"]);
  });

  it("leaves a short list alone", () => {
    expect(foldOtherModels(input, 4)).toBe(input);
  });

  it("stacks the folded models as one layer, drawn last", () => {
    const view = pricingCharts(input, 3);
    expect(view.byMonth.series.map((s) => s.name)).toEqual(["m3", "2 other models"]);
    expect(view.byMonth.months[0]!.labels).toMatchObject({ other: "$0.75" });
    expect(view.byModel.summary).toBe("$5.75 across 4 models; m3 cost the most ($3.00).");
    expect(view.byModel.bars[2]!.color).toBe("#64748b");
  });
});
