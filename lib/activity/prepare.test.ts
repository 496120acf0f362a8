import { describe, expect, it } from "vitest";
import type { FollowUpResponse } from "@/lib/dashboard/schemas";
import { prepareActivityRows, prepareFollowUp, prepareSummary, sortActivityRows } from "./prepare";
import type { ActivityResponse } from "./schemas";
import { parseActivitySearchParams } from "./search-params";

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const response: ActivityResponse = {
  sessions_count: 1234,
  active_profiles_count: 3,
  logins_count: 40,
  failed_logins_count: 3,
  emulations_count: 2,
  profile_summary: [
    {
      profile_id: id(1),
      profile_name: "Zoe",
      sessions_count: 5,
      logins_count: 1,
      failed_logins_count: 0,
      grants_count: 0,
      problems_count: 2,
      activity_count: 9,
    },
    {
      profile_id: id(2),
      profile_name: "ada",
      sessions_count: 5,
      logins_count: 3,
      failed_logins_count: 2,
      grants_count: 1,
      problems_count: 0,
      activity_count: 9,
    },
    {
      profile_id: id(3),
      profile_name: "Ben",
      sessions_count: 0,
      logins_count: 4,
      failed_logins_count: 1,
      grants_count: 0,
      problems_count: 0,
      activity_count: 4,
    },
    {
      profile_id: id(4),
      profile_name: "Cy",
      sessions_count: 1,
      logins_count: 0,
      failed_logins_count: 0,
      grants_count: 0,
      problems_count: 0,
      activity_count: 1,
    },
  ],
  resources: {
    [id(1)]: {
      profile_id: id(1),
      name: "Zoe",
      email: "z@x",
      department_id: "dept-cs",
      department_name: "Computer Science",
      ta_role: "undergraduate_ta",
      access_level: "ta",
    },
    [id(2)]: {
      profile_id: id(2),
      name: "ada",
      email: "a@x",
      department_id: "dept-bio",
      department_name: "Biology",
      ta_role: "head_ta",
      access_level: "ta",
    },
    [id(3)]: { profile_id: id(3), name: "Ben", email: "b@x", department_id: null, department_name: null, ta_role: null, access_level: "coordinator" },
    [id(4)]: {
      profile_id: id(4),
      name: "Cy",
      email: "c@x",
      department_id: "dept-cs",
      department_name: "Computer Science",
      ta_role: "graduate_ta",
      access_level: "ta",
    },
  },
  analytics: { departments: [], roles: [], min_date: null, max_date: null },
  data_as_of: "2026-05-01T12:00:00.000Z",
};

it("formats the summary counts", () => {
  expect(prepareSummary(response)).toEqual([
    { label: "Sessions", value: "1,234" },
    { label: "Active profiles", value: "3" },
    { label: "Logins", value: "40" },
    { label: "Failed logins", value: "3" },
    { label: "Emulations", value: "2" },
  ]);
});

describe("activity rows", () => {
  const rows = prepareActivityRows(response);

  it("joins each summary row with its profile, labels roles and links to the sessions", () => {
    expect(rows[0]).toMatchObject({
      profile_name: "Zoe",
      department_name: "Computer Science",
      ta_role: "Undergraduate TA",
      sessions_href: `/sessions?profile_id=${id(1)}`,
    });
    expect(rows[2]).toMatchObject({ department_name: null, ta_role: "Coordinator" });
    expect(prepareActivityRows(response, { date_from: "2026-11-01" })[0]?.sessions_href).toBe(`/sessions?profile_id=${id(1)}&date_from=2026-11-01`);
  });

  const names = (key: Parameters<typeof sortActivityRows>[1], order: "asc" | "desc") => sortActivityRows(rows, key, order).map((r) => r.profile_name);

  it("sorts numbers in either direction, ties by name A–Z", () => {
    expect(names("sessions_count", "desc")).toEqual(["ada", "Zoe", "Cy", "Ben"]);
    expect(names("sessions_count", "asc")).toEqual(["Ben", "Cy", "ada", "Zoe"]);
    expect(names("logins_count", "desc")).toEqual(["Ben", "ada", "Zoe", "Cy"]);
    expect(names("failed_logins_count", "desc")).toEqual(["ada", "Ben", "Cy", "Zoe"]);
  });

  it("sorts names case-insensitively and roles by rank", () => {
    expect(names("profile_name", "asc")).toEqual(["ada", "Ben", "Cy", "Zoe"]);
    expect(names("profile_name", "desc")).toEqual(["Zoe", "Cy", "Ben", "ada"]);
    expect(names("ta_role", "asc")).toEqual(["ada", "Cy", "Zoe", "Ben"]);
  });

  it("keeps profiles without a department last in both directions", () => {
    expect(names("department_name", "asc")).toEqual(["ada", "Cy", "Zoe", "Ben"]);
    expect(names("department_name", "desc")).toEqual(["Cy", "Zoe", "ada", "Ben"]);
  });
});

describe("prepareFollowUp", () => {
  const followUp: FollowUpResponse = {
    as_of: "2026-11-22T12:00:00.000Z",
    idle_days: 14,
    items: [
      {
        profile_id: id(1),
        profile_name: "Zoe",
        department_id: "dept-cs",
        department_name: "Computer Science",
        ta_role: "head_ta",
        joined_at: "2026-01-01T00:00:00.000Z",
        last_session_at: "2026-10-30T08:00:00.000Z",
        idle: true,
        open_problem_count: 2,
      },
      {
        profile_id: id(2),
        profile_name: "Ada",
        department_id: null,
        department_name: null,
        ta_role: null,
        joined_at: "2026-10-01T00:00:00.000Z",
        last_session_at: null,
        idle: true,
        open_problem_count: 0,
      },
      {
        profile_id: id(3),
        profile_name: "Ben",
        department_id: null,
        department_name: null,
        ta_role: "graduate_ta",
        joined_at: "2026-01-01T00:00:00.000Z",
        last_session_at: "2026-11-21T08:00:00.000Z",
        idle: false,
        open_problem_count: 1,
      },
    ],
  };

  it("says why each TA is on the list", () => {
    expect(prepareFollowUp(followUp).map((r) => r.reasons.map((reason) => reason.text))).toEqual([
      ["No session for 23 days", "2 open problems"],
      ["No session yet (joined 52 days ago)"],
      ["1 open problem"],
    ]);
  });

  it("tells idleness from problems, so each can have its own look", () => {
    expect(prepareFollowUp(followUp)[0]?.reasons.map((r) => r.kind)).toEqual(["idle", "open_problems"]);
  });

  it("shows the last session day and links to the sessions", () => {
    const [zoe, ada] = prepareFollowUp(followUp);
    expect(zoe).toMatchObject({ last_session: "Oct 30, 2026", ta_role: "Head TA", sessions_href: `/sessions?profile_id=${id(1)}` });
    expect(ada).toMatchObject({ last_session: "Never", ta_role: "TA" });
  });
});

describe("parseActivitySearchParams", () => {
  it("applies defaults", () => {
    expect(parseActivitySearchParams({})).toEqual({
      department_ids: [],
      roles: [],
      sort_by: "activity_count",
      sort_order: "desc",
      view: "profiles",
      idle_days: 14,
    });
  });

  it("reads repeated and comma-separated filters, dropping what it does not know", () => {
    const params = parseActivitySearchParams({
      department_ids: ["dept-cs", "dept-bio,dept-cs"],
      roles: ["head_ta", "dean"],
      date_from: "2026-11-01",
      date_to: "2026-11-30",
      sort_by: "logins_count",
      sort_order: "asc",
      view: "follow_up",
      idle_days: "30",
    });
    expect(params).toEqual({
      department_ids: ["dept-cs", "dept-bio"],
      roles: ["head_ta"],
      date_from: "2026-11-01",
      date_to: "2026-11-30",
      sort_by: "logins_count",
      sort_order: "asc",
      view: "follow_up",
      idle_days: 30,
    });
  });

  it("falls back value by value on nonsense", () => {
    const params = parseActivitySearchParams({
      date_from: "2026-02-30",
      date_to: "soon",
      sort_by: "salary",
      sort_order: "up",
      view: "x",
      idle_days: "13",
    });
    expect(params).toEqual(parseActivitySearchParams({}));
    expect(parseActivitySearchParams({ date_from: "2026-12-01", date_to: "2026-11-01" })).not.toHaveProperty("date_from");
  });
});
