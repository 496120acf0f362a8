import { describe, expect, it } from "vitest";
import { parseGroupSearchParams, parsePricingSearchParams, toListGroupsRequest, toPricingRequest } from "./search-params";

const model = "3ac55572-819b-46ee-9719-b3f1c48c24b7";

describe("group page params", () => {
  it("reads the offset and the run to open, falling back on nonsense", () => {
    expect(parseGroupSearchParams({ offset: "50", run: model })).toEqual({ offset: 50, run: model });
    expect(parseGroupSearchParams({ offset: "-3", run: "nope" })).toEqual({ offset: 0, run: undefined });
    expect(parseGroupSearchParams({ offset: ["100", "5"] })).toEqual({ offset: 100, run: undefined });
  });
});

describe("pricing page params", () => {
  it("applies defaults", () => {
    expect(parsePricingSearchParams({})).toEqual({
      page: 1,
      page_size: 25,
      sort_by: "last_run_at",
      sort_order: "desc",
      department_ids: [],
      model_ids: [],
      profile_id: undefined,
      hide: [],
    });
  });

  it("drops invalid values one by one", () => {
    const params = parsePricingSearchParams({
      page: "0",
      page_size: "900",
      sort_by: "drop table",
      sort_order: "up",
      date_from: "2026-02-30",
      model_ids: ["gpt", model],
      profile_id: model,
      department_ids: "dept-cs",
      hide: ["models", "<script>"],
    });
    expect(params).toEqual({
      page: 1,
      page_size: 25,
      sort_by: "last_run_at",
      sort_order: "desc",
      department_ids: ["dept-cs"],
      model_ids: [model],
      profile_id: model,
      hide: ["models"],
    });
  });

  it("drops a window that ends before it starts", () => {
    const params = parsePricingSearchParams({ date_from: "2026-06-01", date_to: "2026-05-01" });
    expect(params.date_from).toBeUndefined();
    expect(params.date_to).toBeUndefined();
  });

  it("builds the API bodies", () => {
    const params = parsePricingSearchParams({
      page: "3",
      sort_by: "total_cost",
      sort_order: "asc",
      department_ids: "dept-cs",
      model_ids: model,
      date_from: "2026-05-01",
    });
    expect(toPricingRequest(params)).toEqual({ date_from: "2026-05-01", date_to: undefined, department_ids: ["dept-cs"] });
    expect(toListGroupsRequest(params)).toMatchObject({
      page: 3,
      page_size: 25,
      sort_by: "total_cost",
      sort_order: "asc",
      model_ids: [model],
      department_ids: ["dept-cs"],
    });
  });
});
