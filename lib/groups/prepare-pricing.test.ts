import { describe, expect, it } from "vitest";
import {
  costByModelBars,
  costByMonthStack,
  foldOtherModels,
  monthLabel,
  monthsBetween,
  priceHistory,
  pricingCharts,
  pricingColors,
} from "./prepare-pricing";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("money and months", () => {
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
    expect(bar).toMatchObject({
      cost: 0.0000031,
      cost_label: "$0.0000031",
      exact_cost_label: "$0.0000031",
      color: colors[id(2)],
      axis_label: "gpt-4o",
    });
    const [long] = costByModelBars(
      [{ model_id: id(2), name: "a-very-long-model-name-2026", total_cost: "1", total_tokens: 1, run_count: 1 }],
      colors,
    );
    expect(long!.axis_label).toBe("a-very-long-mod…");
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
    expect(view.byModel.bars[0]!.color).toBe(
      pricingColors([
        { model_id: id(2), name: "gpt-4o" },
        { model_id: id(1), name: "claude-sonnet" },
      ])[id(2)],
    );
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
