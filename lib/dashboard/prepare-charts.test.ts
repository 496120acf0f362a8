import { describe, expect, it } from "vitest";
import { modelColors, otherColor } from "./prepare";
import {
  maxDepartmentBars,
  maxModelSeries,
  prepareActiveTasPerWeek,
  prepareCostByDepartment,
  prepareSessionsPerDay,
  prepareUsagePerDay,
} from "./prepare-charts";
import type { DashboardResponse } from "./schemas";

describe("prepareSessionsPerDay", () => {
  it("labels days and summarises the busiest one", () => {
    const view = prepareSessionsPerDay([
      { day: "2026-11-20", sessions: 3 },
      { day: "2026-11-21", sessions: 20 },
      { day: "2026-11-22", sessions: 0 },
    ]);
    expect(view.data.map((d) => d.label)).toEqual(["Nov 20", "Nov 21", "Nov 22"]);
    expect(view.summary).toBe("23 sessions over 3 days; the busiest day was Nov 21 with 20 sessions.");
  });

  it("says so when nothing happened", () => {
    expect(prepareSessionsPerDay([{ day: "2026-11-22", sessions: 0 }]).summary).toBe("No sessions in this period.");
  });
});

describe("prepareUsagePerDay", () => {
  const gpt = "11111111-1111-4111-8111-111111111111";
  const claude = "22222222-2222-4222-8222-222222222222";
  const rows: DashboardResponse["usage_per_day"] = [
    {
      day: "2026-11-21",
      total_tokens: 1500,
      total_cost: "0.0305",
      models: [
        { model_id: claude, name: "claude-3.5", total_tokens: 500, total_cost: "0.03" },
        { model_id: gpt, name: "gpt-4o-mini", total_tokens: 1000, total_cost: "0.0005" },
      ],
    },
    { day: "2026-11-22", total_tokens: 0, total_cost: "0", models: [] },
  ];
  const view = prepareUsagePerDay(rows);

  it("keys models safely, most expensive first, with stable colours", () => {
    expect(view.models.map((m) => [m.key, m.name])).toEqual([
      ["m0", "claude-3.5"],
      ["m1", "gpt-4o-mini"],
    ]);
    expect(view.models[0]?.color).toBe(modelColors(["claude-3.5", "gpt-4o-mini"]).get("claude-3.5"));
  });

  it("fills every model on every day, zero where it did not run, and keeps exact costs", () => {
    expect(view.tokens).toEqual([
      { day: "2026-11-21", label: "Nov 21", m0: 500, m1: 1000 },
      { day: "2026-11-22", label: "Nov 22", m0: 0, m1: 0 },
    ]);
    expect(view.cost[0]).toMatchObject({ m0: 0.03, m1: 0.0005 });
    expect(view.exactCost["2026-11-21"]).toEqual({ m0: "0.03", m1: "0.0005" });
    expect(view.dayTotals["2026-11-21"]).toEqual({ tokens: "1,500", cost: "$0.03" });
    expect(view.tokensSummary).toBe("1.5K tokens across 2 models; claude-3.5 cost the most.");
    expect(view.costSummary).toBe("Daily cost by model over 2 days; claude-3.5 cost the most ($0.03).");
  });

  it("says so when no model ran", () => {
    expect(prepareUsagePerDay([{ day: "2026-11-22", total_tokens: 0, total_cost: "0", models: [] }])).toMatchObject({
      models: [],
      tokensSummary: "No model runs in this period.",
    });
  });
});

it("prepares cost by department, naming profiles without one", () => {
  const view = prepareCostByDepartment([
    { department_id: "dept-cs", department_name: "Computer Science", total_tokens: 1_234, total_cost: "1.2345" },
    { department_id: null, department_name: null, total_tokens: 5, total_cost: "0.000001" },
  ]);
  expect(view.data).toEqual([
    { key: "dept-cs", label: "Computer Science", cost: 1.2345, exact: "$1.2345", shown: "$1.23", tokens: "1,234" },
    { key: "none", label: "No department", cost: 0.000001, exact: "$0.000001", shown: "$0.000001", tokens: "5" },
  ]);
  expect(view.summary).toBe("2 departments; Computer Science cost the most at $1.23.");
  expect(prepareCostByDepartment([]).summary).toBe("No model runs in this period.");
});

it("prepares active TAs per week, marking weeks the window only partly covers", () => {
  const view = prepareActiveTasPerWeek(
    [
      { week_start: "2026-11-09", active_tas: 4 },
      { week_start: "2026-11-16", active_tas: 9 },
    ],
    { first_day: "2026-11-10", last_day: "2026-11-22" },
  );
  expect(view.data).toEqual([
    { week_start: "2026-11-09", label: "Nov 9", title: "Week of Nov 9 (partial)", active_tas: 4, partial: true },
    { week_start: "2026-11-16", label: "Nov 16", title: "Week of Nov 16", active_tas: 9, partial: false },
  ]);
  expect(view.summary).toBe("Most active: the week of Nov 16 with 9 active TAs. Weeks marked partial lie only partly inside the period.");
});

it("folds the smallest models into one grey layer, keeping exact costs", () => {
  const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
  const models = Array.from({ length: maxModelSeries + 2 }, (_, i) => ({
    model_id: id(i),
    name: `model-${i}`,
    total_tokens: 100 - i,
    total_cost: `0.${String(90 - i)}00000001`,
  }));
  const view = prepareUsagePerDay([{ day: "2026-11-22", total_tokens: 864, total_cost: "7.6500000009", models }]);
  expect(view.models).toHaveLength(maxModelSeries);
  expect(view.models.at(-1)).toEqual({ key: "other", name: "3 other models", color: otherColor });
  expect(view.exactCost["2026-11-22"]?.other).toBe("2.4900000003"); // 0.84.. + 0.83.. + 0.82.., digit for digit
  expect(view.tokens[0]?.other).toBe(94 + 93 + 92);
  expect(view.tokensSummary).toContain(`across ${maxModelSeries + 2} models`);
});

it("folds the cheapest departments into one bar", () => {
  const rows = Array.from({ length: maxDepartmentBars + 3 }, (_, i) => ({
    department_id: `dept-${i}`,
    department_name: `Department ${i}`,
    total_tokens: 10,
    total_cost: `0.${99 - i}00000001`, // most expensive first, as the API answers
  }));
  const view = prepareCostByDepartment(rows);
  expect(view.data).toHaveLength(maxDepartmentBars);
  expect(view.data.at(-1)).toMatchObject({ key: "other", label: "4 other departments", exact: "$3.4600000004", shown: "$3.46", tokens: "40" });
  expect(view.summary).toBe(`${maxDepartmentBars + 3} departments; Department 0 cost the most at $0.99.`);
});
