import { describe, expect, it } from "vitest";
import { dashboardRequestFromParams, parseDashboardSearchParams } from "./search-params";

const now = new Date("2026-11-22T21:25:00Z");

describe("parseDashboardSearchParams", () => {
  it("defaults to the last 30 days", () => {
    expect(parseDashboardSearchParams({}, now)).toEqual({
      period: "30d",
      date_from: "2026-10-24",
      date_to: "2026-11-22",
      department_ids: [],
      roles: [],
    });
  });

  it("turns a preset into today's window", () => {
    expect(parseDashboardSearchParams({ period: "7d", date_from: "2020-01-01" }, now)).toMatchObject({
      period: "7d",
      date_from: "2026-11-16",
      date_to: "2026-11-22",
    });
  });

  it("keeps a whole custom range and its filters", () => {
    const params = parseDashboardSearchParams(
      { period: "custom", date_from: "2026-09-01", date_to: "2026-09-30", roles: "head_ta", department_ids: "dept-cs" },
      now,
    );
    expect(params).toEqual({ period: "custom", date_from: "2026-09-01", date_to: "2026-09-30", department_ids: ["dept-cs"], roles: ["head_ta"] });
    expect(dashboardRequestFromParams(params)).toEqual({
      date_from: "2026-09-01",
      date_to: "2026-09-30",
      department_ids: ["dept-cs"],
      roles: ["head_ta"],
    });
  });

  it.each([
    [{ period: "custom", date_from: "2026-09-01" }],
    [{ period: "custom", date_from: "2026-09-30", date_to: "2026-09-01" }],
    [{ period: "custom", date_from: "2020-01-01", date_to: "2026-09-01" }],
    [{ period: "fortnight" }],
  ])("falls back to 30 days for %j", (raw) => {
    expect(parseDashboardSearchParams(raw, now)).toMatchObject({ period: "30d", date_from: "2026-10-24", date_to: "2026-11-22" });
  });
});
