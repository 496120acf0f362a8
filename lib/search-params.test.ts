import { describe, expect, it } from "vitest";
import { parseActivitySearchParams } from "@/lib/activity/search-params";
import { parseSessionSearchParams } from "@/lib/sessions/search-params";
import { allParams, dateWindowParams, facetParams, firstParam } from "./search-params";

describe("one reading of a URL for every page", () => {
  it("keeps a repeated scalar's first value, as URLSearchParams.get does", () => {
    expect(firstParam({ sort_by: ["total_cost", "run_count"] }, "sort_by")).toBe("total_cost");
    expect(parseSessionSearchParams({ sort_by: ["total_cost", "run_count"] }).sort_by).toBe("total_cost");
    expect(parseActivitySearchParams({ sort_by: ["sessions_count", "logins_count"] }).sort_by).toBe("sessions_count");
  });

  it("reads lists repeated or comma-separated, the same on every page", () => {
    expect(allParams({ roles: ["head_ta,graduate_ta", " undergraduate_ta ", ""] }, "roles")).toEqual(["head_ta", "graduate_ta", "undergraduate_ta"]);
    const raw = { roles: "head_ta,graduate_ta", department_ids: ["dept-cs", "dept-math,dept-cs"] };
    const expected = { roles: ["head_ta", "graduate_ta"], department_ids: ["dept-cs", "dept-math"] };
    expect(facetParams(raw)).toEqual(expected);
    expect(parseSessionSearchParams(raw)).toMatchObject(expected);
    expect(parseActivitySearchParams(raw)).toMatchObject(expected);
  });

  it("drops unknown roles and an inverted window", () => {
    expect(facetParams({ roles: ["dean", "head_ta"] }).roles).toEqual(["head_ta"]);
    expect(dateWindowParams({ date_from: "2026-10-31", date_to: "2026-10-01" })).toEqual({});
    expect(dateWindowParams({ date_from: "2026-02-30" })).toEqual({ date_from: undefined, date_to: undefined });
  });
});
