import { describe, expect, it } from "vitest";
import { describeChange, formatDayRange, formatMoneyTick, modelColors, modelPalette, prepareKpis, prepareWindow } from "./prepare";
import type { DashboardKpis } from "./schemas";

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
    expect(card("active_tas")?.change).toMatchObject({
      direction: "flat",
      text: "0%",
      tone: "neutral",
      description: "No change from 30 in the previous period",
    });
    expect(card("logins")?.change).toMatchObject({ direction: "up", text: "new", description: "Up from none in the previous period" });
    expect(card("emulations")?.change).toMatchObject({ direction: "down", text: "−50%", tone: "neutral" });
    expect(card("cost")?.change).toMatchObject({
      direction: "up",
      text: "+101%",
      tone: "neutral",
      description: "Up 101% from $0.0021 in the previous period",
    });
  });

  it("treats more open problems as bad news and fewer as good news", () => {
    expect(card("open_problems")?.change).toMatchObject({ direction: "up", text: "+133%", tone: "bad" });
    expect(describeChange(1, 3, "down", "3")).toMatchObject({
      direction: "down",
      text: "−67%",
      tone: "good",
      description: "Down 67% from 3 in the previous period",
    });
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

it("formats money ticks from floats without losing small amounts", () => {
  expect(formatMoneyTick(0)).toBe("$0.00");
  expect(formatMoneyTick(0.30000000000000004)).toBe("$0.30");
  expect(formatMoneyTick(0.0000001)).toBe("$0.0000001");
  expect(formatMoneyTick(12.5)).toBe("$12.50");
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
