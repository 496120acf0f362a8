import { describe, expect, it } from "vitest";
import {
  describeChange,
  formatDayRange,
  formatMoneyTick,
  modelColors,
  modelPalette,
  prepareActiveTasPerWeek,
  prepareCostByDepartment,
  prepareKpis,
  prepareSessionsPerDay,
  prepareUsagePerDay,
  prepareWindow,
} from "./prepare";
import type { DashboardKpis, DashboardResponse } from "./schemas";

const kpis: DashboardKpis = {
  sessions: { current: 112, previous: 100 },
  active_tas: { current: 30, previous: 30 },
  logins: { current: 5, previous: 0 },
  emulations: { current: 2, previous: 4 },
  tokens: { current: 1_234_567, previous: 1_000_000 },
  cost: { current: "0.0042130000", previous: "0.0021" },
  open_problems: { current: 7, previous: 3 },
};

describe("prepareKpis", () => {
  const cards = prepareKpis(kpis);
  const card = (id: string) => cards.find((c) => c.id === id);

  it("orders the cards and formats every value for people, with the exact value beside it", () => {
    expect(cards.map((c) => c.label)).toEqual(["Sessions", "Active TAs", "Logins", "Emulations", "Tokens", "Cost", "Open problems"]);
    expect(card("tokens")).toMatchObject({ value: "1.2M", exact: "1,234,567" });
    expect(card("cost")).toMatchObject({ value: "$0.0042", exact: "$0.004213" });
    expect(card("sessions")).toMatchObject({ value: "112", exact: "112" });
  });

  it("states each change as arrow direction, signed percentage and words", () => {
    expect(card("sessions")?.change).toEqual({ direction: "up", text: "+12%", tone: "good", description: "Up 12% from 100 in the previous period" });
    expect(card("active_tas")?.change).toMatchObject({ direction: "flat", text: "0%", tone: "neutral", description: "No change from 30 in the previous period" });
    expect(card("logins")?.change).toMatchObject({ direction: "up", text: "new", description: "Up from none in the previous period" });
    expect(card("emulations")?.change).toMatchObject({ direction: "down", text: "−50%", tone: "neutral" });
    expect(card("cost")?.change).toMatchObject({ direction: "up", text: "+101%", tone: "neutral", description: "Up 101% from $0.0021 in the previous period" });
  });

  it("treats more open problems as bad news and fewer as good news", () => {
    expect(card("open_problems")?.change).toMatchObject({ direction: "up", text: "+133%", tone: "bad" });
    expect(describeChange(1, 3, "down", "3")).toMatchObject({ direction: "down", text: "−67%", tone: "good", description: "Down 67% from 3 in the previous period" });
  });
});

describe("windows", () => {
  it("formats day ranges compactly", () => {
    expect(formatDayRange("2026-11-10", "2026-11-22")).toBe("Nov 10 – Nov 22, 2026");
    expect(formatDayRange("2025-12-20", "2026-01-05")).toBe("Dec 20, 2025 – Jan 5, 2026");
    expect(formatDayRange("2026-11-22", "2026-11-22")).toBe("Nov 22, 2026");
  });

  it("names the window and the previous one", () => {
    const view = prepareWindow({
      date_from: "2026-11-16T00:00:00.000Z",
      date_to: "2026-11-23T00:00:00.000Z",
      previous_date_from: "2026-11-09T00:00:00.000Z",
      first_day: "2026-11-16",
      last_day: "2026-11-22",
    });
    expect(view).toEqual({ current: "Nov 16 – Nov 22, 2026", previous: "Nov 9 – Nov 15, 2026", days: 7 });
  });
});

describe("modelColors", () => {
  it("gives a model the same colour whatever else is on the chart", () => {
    const alone = modelColors(["gpt-4o"]).get("gpt-4o");
    const crowd = modelColors(["claude-sonnet", "gpt-4o", "gemini-flash"]);
    expect(crowd.get("gpt-4o")).toBe(alone);
    expect(modelColors(["gemini-flash", "gpt-4o", "claude-sonnet"])).toEqual(crowd);
  });

  it("never gives two models of one chart the same colour while the palette lasts", () => {
    const names = Array.from({ length: modelPalette.length }, (_, i) => `model-${i}`);
    expect(new Set(modelColors(names).values()).size).toBe(modelPalette.length);
    expect(modelColors([...names, "one-too-many"]).size).toBe(modelPalette.length + 1);
  });
});

it("formats money ticks from floats without losing small amounts", () => {
  expect(formatMoneyTick(0)).toBe("$0.00");
  expect(formatMoneyTick(0.30000000000000004)).toBe("$0.30");
  expect(formatMoneyTick(0.0000001)).toBe("$0.0000001");
  expect(formatMoneyTick(12.5)).toBe("$12.50");
});

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
