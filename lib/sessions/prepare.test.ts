import { describe, expect, it } from "vitest";
import { describeTimelineEvent, elapsedSince, problemCountText, sessionDuration, visibleTimeline, type TimelineEventType } from "./prepare";
import { filterFacets } from "@/lib/facets/prepare";
import type { SessionTimelineItem } from "./schemas";

const event = (event_type: TimelineEventType, extra_1: string | null = null, extra_2: string | null = null): SessionTimelineItem => ({
  event_type,
  entity_id: "8244ad93-6bf3-4db4-8e08-7b3fcb45ced3",
  entity_name: "Sam (integrity case)",
  created_at: "2026-11-15T16:45:31.000Z",
  extra_1,
  extra_2,
});

describe("describeTimelineEvent", () => {
  it.each<[TimelineEventType, string | null, string | null, string]>([
    ["session_started", null, null, "Session started"],
    ["session_ended", null, null, "Session ended"],
    ["chat_started", "Sam (integrity case)", null, "Chat started with Sam (integrity case)"],
    ["chat_started", null, null, "Chat started"],
    ["attempt_started", null, null, "Attempt started"],
    ["attempt_scored", "62.37", null, "Attempt scored 62.37 / 100"],
    ["group_created", null, null, "Generation group created"],
    ["run_started", "gpt-4o", null, "Run started on gpt-4o"],
    ["run_finished", "gpt-4o", "1234", "Run finished on gpt-4o · 1.2K tokens"],
    ["run_finished", "gpt-4o", "1", "Run finished on gpt-4o · 1 token"],
    ["run_finished", "gpt-4o", null, "Run finished on gpt-4o"],
    ["run_failed", "claude-sonnet", "Provider returned 503", "Run failed on claude-sonnet · Provider returned 503"],
    ["run_cancelled", "gpt-4o", null, "Run cancelled on gpt-4o"],
    ["problem_flagged", "ferpa_concern", "high", "Problem flagged: FERPA concern · high severity"],
    ["problem_flagged", "brand_new_kind", null, "Problem flagged: brand new kind"],
    ["problem_resolved", "Avery Admin", null, "Problem resolved by Avery Admin"],
    ["problem_resolved", null, null, "Problem resolved"],
  ])("%s (%s, %s) → %s", (type, extra1, extra2, title) => {
    expect(describeTimelineEvent(event(type, extra1, extra2)).title).toBe(title);
  });

  it("links a group to its page and keeps the entity name as the subject", () => {
    const view = describeTimelineEvent(event("group_created"));
    expect(view.href).toBe("/groups/8244ad93-6bf3-4db4-8e08-7b3fcb45ced3");
    expect(view.subject).toBe("Sam (integrity case)");
    expect(describeTimelineEvent(event("run_started", "gpt-4o")).href).toBeNull();
  });

  it("colours failures red and successes green", () => {
    expect(describeTimelineEvent(event("run_failed")).tone).toBe("red");
    expect(describeTimelineEvent(event("run_finished")).tone).toBe("green");
  });
});

describe("visibleTimeline", () => {
  const events = Array.from({ length: 450 }, (_, i) => i);
  it("shows the first 200 events until asked for all", () => {
    expect(visibleTimeline(events, false)).toHaveLength(200);
    expect(visibleTimeline(events, false)[199]).toBe(199);
    expect(visibleTimeline(events, true)).toHaveLength(450);
    expect(visibleTimeline([1, 2], false)).toEqual([1, 2]);
  });
});

describe("sessionDuration", () => {
  it("measures an ended session from start to end", () => {
    expect(
      sessionDuration({
        session_created_at: "2026-11-15T16:44:00.000Z",
        session_updated_at: "2026-11-15T17:06:11.326Z",
        ended_at: "2026-11-15T17:06:11.326Z",
      }),
    ).toEqual({ text: "22 min 11 s", ongoing: false });
  });
  it("measures an active session up to its last update, as ongoing", () => {
    expect(
      sessionDuration({ session_created_at: "2026-11-21T22:57:00.000Z", session_updated_at: "2026-11-21T23:14:40.079Z", ended_at: null }),
    ).toEqual({ text: "17 min 40 s", ongoing: true });
  });
  it("gives up on missing or reversed dates", () => {
    expect(sessionDuration({ session_created_at: null, session_updated_at: null, ended_at: null })).toBeNull();
    expect(
      sessionDuration({ session_created_at: "2026-11-21T22:57:00.000Z", session_updated_at: "2026-11-20T00:00:00.000Z", ended_at: null }),
    ).toBeNull();
  });
});

describe("problemCountText", () => {
  it("says open of total", () => {
    expect(problemCountText(1, 3)).toEqual({ short: "1 / 3", long: "1 open of 3 problems" });
    expect(problemCountText(0, 1)).toEqual({ short: "0 / 1", long: "0 open of 1 problem" });
  });
});

describe("filterFacets", () => {
  it("builds department, role and profile options, profiles sorted by name", () => {
    const facets = filterFacets({
      analytics: {
        departments: [{ department_id: "dept-cs", name: "Computer Science", profile_count: 11 }],
        roles: [{ role: "head_ta", profile_count: 2 }],
        min_date: null,
        max_date: null,
      },
      resources: {
        b: { profile_id: "b", name: "Zoe", email: "z@x", department_id: null, department_name: null, ta_role: null, access_level: "admin" },
        a: {
          profile_id: "a",
          name: "Ada",
          email: "a@x",
          department_id: "dept-cs",
          department_name: "Computer Science",
          ta_role: "head_ta",
          access_level: "ta",
        },
      },
    });
    expect(facets.departments).toEqual([{ value: "dept-cs", label: "Computer Science (11)" }]);
    expect(facets.roles).toEqual([{ value: "head_ta", label: "Head TA (2)" }]);
    expect(facets.profiles).toEqual([
      { value: "a", label: "Ada (Computer Science)" },
      { value: "b", label: "Zoe" },
    ]);
  });
});

describe("elapsedSince", () => {
  it("says how far into the session an event happened", () => {
    expect(elapsedSince("2026-11-15T16:44:00.000Z", "2026-11-15T16:44:00.000Z")).toBe("at the start");
    expect(elapsedSince("2026-11-15T16:44:00.000Z", "2026-11-15T16:45:31.000Z")).toBe("+1 min 31 s into the session");
    expect(elapsedSince("2026-11-15T16:44:00.000Z", "2026-11-16T04:20:11.326Z")).toBe("+11 h 36 min into the session");
    expect(elapsedSince(null, "2026-11-15T16:44:00.000Z")).toBeNull();
    expect(elapsedSince("2026-11-15T16:44:00.000Z", "2026-11-15T16:00:00.000Z")).toBeNull();
  });
});
