import { describe, expect, it } from "vitest";
import { parseProblemSearchParams, toListProblemsRequest } from "@/lib/problems/search-params";
import { parseSessionSearchParams, toExportFilters, toListSessionsRequest } from "./search-params";

const profileId = "566be11c-5195-47ca-826a-ff780b74ecb6";

describe("parseSessionSearchParams", () => {
  it("reads an agent and its version, and drops a version without an agent or a bad one", () => {
    const agent = "0d9a3c5e-43c3-4b8e-9f37-0e6a1d2b7c10";
    expect(toListSessionsRequest(parseSessionSearchParams({ agent_id: agent, agent_version: "2" }))).toMatchObject({
      agent_id: agent,
      agent_version: 2,
    });
    const versionAlone = parseSessionSearchParams({ agent_version: "2" });
    expect([versionAlone.agent_id, versionAlone.agent_version]).toEqual([undefined, undefined]);
    const badVersion = parseSessionSearchParams({ agent_id: agent, agent_version: "two" });
    expect([badVersion.agent_id, badVersion.agent_version]).toEqual([agent, undefined]);
    expect(parseSessionSearchParams({ agent_id: "persona" }).agent_id).toBeUndefined();
  });

  it("applies the defaults to an empty URL", () => {
    expect(parseSessionSearchParams({})).toEqual({
      page: 1,
      page_size: 25,
      sort_by: "session_created_at",
      sort_order: "desc",
      status: [],
      tags: [],
      tags_match: "any",
      failed_runs: "all",
      date_from: undefined,
      date_to: undefined,
      department_ids: [],
      roles: [],
      profile_id: undefined,
      hide: [],
    });
  });

  it("reads every filter, repeated parameters as arrays", () => {
    const params = parseSessionSearchParams({
      page: "3",
      page_size: "50",
      sort_by: "total_cost",
      sort_order: "asc",
      status: ["idle", "aborted", "paused"],
      tags: ["week-3", "lab"],
      tags_match: "all",
      failed_runs: "with",
      date_from: "2026-10-01",
      date_to: "2026-10-31",
      department_ids: ["dept-cs", "dept-math", "dept-cs"],
      roles: "head_ta",
      profile_id: profileId,
      hide: ["chat_count", "attempt_count"],
    });
    expect(toListSessionsRequest(params)).toEqual({
      page: 3,
      page_size: 50,
      sort_by: "total_cost",
      sort_order: "asc",
      status: ["idle", "aborted"],
      tags: ["week-3", "lab"],
      tags_match: "all",
      has_failed_runs: true,
      profile_id: profileId,
      date_from: "2026-10-01",
      date_to: "2026-10-31",
      department_ids: ["dept-cs", "dept-math"],
      roles: ["head_ta"],
    });
    expect(params.hide).toEqual(["chat_count", "attempt_count"]);
    expect(toExportFilters(params)).toEqual({
      date_from: "2026-10-01",
      date_to: "2026-10-31",
      department_ids: ["dept-cs", "dept-math"],
      roles: ["head_ta"],
    });
  });

  it("falls back to defaults for invalid values instead of throwing", () => {
    const params = parseSessionSearchParams({
      page: "-2",
      page_size: "5000",
      sort_by: "password",
      sort_order: "sideways",
      active: "maybe",
      date_from: "2025-02-30",
      roles: ["head_ta", "janitor"],
      profile_id: "not-a-uuid",
    });
    expect(params).toMatchObject({ page: 1, page_size: 25, sort_by: "session_created_at", sort_order: "desc", status: [], roles: ["head_ta"] });
    expect(params.date_from).toBeUndefined();
    expect(params.profile_id).toBeUndefined();
  });

  it("drops a date window whose start is after its end", () => {
    const params = parseSessionSearchParams({ date_from: "2026-11-02", date_to: "2026-11-01" });
    expect([params.date_from, params.date_to]).toEqual([undefined, undefined]);
    expect(toListSessionsRequest(params).status).toBeUndefined();
  });

  it("reads links made before sessions had a status (active=active|ended) as the statuses they meant", () => {
    expect(toListSessionsRequest(parseSessionSearchParams({ active: "active" })).status).toEqual(["active", "idle"]);
    expect(toListSessionsRequest(parseSessionSearchParams({ active: "ended" })).status).toEqual(["completed", "aborted", "expired"]);
    expect(toListSessionsRequest(parseSessionSearchParams({ active: "ended", status: "idle" })).status).toEqual(["idle"]);
  });
});

describe("parseProblemSearchParams", () => {
  it("defaults to the open tab, newest first", () => {
    const request = toListProblemsRequest(parseProblemSearchParams({}));
    expect(request).toMatchObject({ resolved: false, sort_by: "created_at", sort_order: "desc", page: 1, page_size: 25 });
    expect(request.kinds).toBeUndefined();
  });

  it("maps the tabs and filters to the request", () => {
    const request = toListProblemsRequest(
      parseProblemSearchParams({
        status: "all",
        kinds: ["ferpa_concern", "nope"],
        severities: "critical",
        sort_by: "severity",
        department_ids: "dept-cs",
      }),
    );
    expect(request).toMatchObject({
      resolved: undefined,
      kinds: ["ferpa_concern"],
      severities: ["critical"],
      sort_by: "severity",
      department_ids: ["dept-cs"],
    });
    expect(toListProblemsRequest(parseProblemSearchParams({ status: "resolved" })).resolved).toBe(true);
    expect(toListProblemsRequest(parseProblemSearchParams({ status: "bogus" })).resolved).toBe(false);
  });
});
