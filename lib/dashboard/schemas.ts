// POST /system/dashboard and POST /system/follow_up: request and response schemas (client-safe:
// the dashboard pages, scripts and the CLI share them).
import { z } from "zod";
import { activityFilters, checkDateWindow, isRealDateOrDateTime, money, taRole, timestamp, uuid } from "@/lib/api/common-schemas";
import { problemItemSchema } from "@/lib/problems/schemas";
import { maxWindowDays, resolveWindow } from "./period";

const count = (description: string) => z.int().min(0).meta({ description });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: "A UTC calendar day, YYYY-MM-DD", example: "2026-05-01" });

/** Rejects a window (after defaults) that is empty or longer than the day series may grow. */
function checkResolvedWindow(body: { date_from?: string; date_to?: string }, ctx: z.RefinementCtx): void {
  // A malformed date already has its own issue; there is no window to resolve ("9999-99-99" threw).
  if ([body.date_from, body.date_to].some((date) => date !== undefined && !isRealDateOrDateTime(date))) return;
  const window = resolveWindow(body);
  if (window.from >= window.toExclusive) {
    ctx.addIssue({ code: "custom", path: ["date_from"], message: "date_from must be before date_to (which defaults to today)" });
  } else if (window.dayCount > maxWindowDays) {
    ctx.addIssue({ code: "custom", path: ["date_from"], message: `the window may span at most ${maxWindowDays} days` });
  }
}

export const dashboardRequestSchema = z
  .strictObject({ ...activityFilters })
  .superRefine(checkDateWindow)
  .superRefine(checkResolvedWindow)
  .meta({
    id: "DashboardRequest",
    description:
      "The activity filters. Without date_to the window ends today (UTC, inclusive); without date_from it starts 30 days before its end. The window may span at most 731 days.",
  });
export type DashboardRequest = z.infer<typeof dashboardRequestSchema>;

const intChange = (description: string) =>
  z.object({ current: count("In the window"), previous: count("In the previous window") }).meta({ description });
const moneyChange = (description: string) => z.object({ current: money, previous: money }).meta({ description });

export const dashboardKpisSchema = z
  .object({
    sessions: intChange("Sessions started (same as sessions_count of /system/activity)"),
    active_tas: intChange("Profiles with at least one session (same as active_profiles_count of /system/activity)"),
    logins: intChange("Successful sign-ins (same as logins_count of /system/activity)"),
    emulations: intChange("Emulations of profiles of the set (same as emulations_count of /system/activity)"),
    tokens: intChange("Input plus output tokens of the runs started"),
    cost: moneyChange("Exact dollar cost of the runs started"),
    open_problems: intChange("Problems flagged that are still open now"),
  })
  .meta({ id: "DashboardKpis" });
export type DashboardKpis = z.infer<typeof dashboardKpisSchema>;

export const modelUsageSchema = z.object({
  model_id: uuid("model_id"),
  name: z.string(),
  total_tokens: count("Input plus output tokens"),
  total_cost: money,
});
export type ModelUsage = z.infer<typeof modelUsageSchema>;

export const dashboardResponseSchema = z
  .object({
    data_as_of: timestamp.meta({
      description: "When the numbers were read; they come from summaries kept current with every write, so this is the answer's own time",
    }),
    window: z
      .object({
        date_from: timestamp.meta({ description: "Start of the window (inclusive)" }),
        date_to: timestamp.meta({ description: "End of the window (exclusive)" }),
        previous_date_from: timestamp.meta({ description: "Start of the previous window, which ends at date_from" }),
        first_day: day,
        last_day: day,
      })
      .meta({ description: "The window the answer covers, after defaults" }),
    kpis: dashboardKpisSchema,
    sessions_per_day: z
      .array(z.object({ day, sessions: count("Sessions started that UTC day") }))
      .meta({ description: "Every UTC day of the window, oldest first, zero when nothing happened" }),
    usage_per_day: z
      .array(
        z.object({
          day,
          total_tokens: count("Input plus output tokens that day"),
          total_cost: money,
          models: z.array(modelUsageSchema).meta({ description: "Models that ran that day, by name" }),
        }),
      )
      .meta({ description: "Every UTC day of the window, oldest first, by the runs' created_at" }),
    cost_by_department: z
      .array(
        z.object({
          department_id: z.string().nullable(),
          department_name: z.string().nullable().meta({ description: "null for profiles without a department" }),
          total_tokens: count("Input plus output tokens"),
          total_cost: money,
        }),
      )
      .meta({ description: "Runs in the window by the session owner's department, most expensive first" }),
    active_tas_per_week: z
      .array(
        z.object({
          week_start: day.meta({ description: "Monday of the ISO week (UTC)" }),
          active_tas: count("Profiles with at least one session that week, inside the window"),
        }),
      )
      .meta({ description: "Every ISO week the window touches, oldest first; the first and last may be partial" }),
    open_problems: z.array(problemItemSchema).meta({ description: "The newest open problems flagged in the window (at most 8), newest first" }),
  })
  .meta({
    id: "DashboardResponse",
    description:
      "KPIs of the profile set (as /system/activity defines it) in the window and in the previous window of equal length, plus day and week series with empty days as zeros. Costs are exact decimal strings.",
  });
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;

export const followUpIdleDays = [7, 14, 30] as const;

export const followUpRequestSchema = z
  .strictObject({
    department_ids: activityFilters.department_ids,
    roles: activityFilters.roles,
    idle_days: z
      .int({ error: "idle_days must be an integer" })
      .min(1, { error: "idle_days must be at least 1" })
      .max(365, { error: "idle_days must be at most 365" })
      .default(14)
      .meta({ description: "A TA whose last session (or, without one, whose account) is older than this many days needs follow-up" }),
  })
  .meta({ id: "FollowUpRequest", description: "The profile-set filters of /system/activity; the dates are always relative to now." });
export type FollowUpRequest = z.infer<typeof followUpRequestSchema>;

export const followUpItemSchema = z
  .object({
    profile_id: uuid("profile_id"),
    profile_name: z.string(),
    department_id: z.string().nullable(),
    department_name: z.string().nullable(),
    ta_role: taRole.nullable(),
    joined_at: timestamp.meta({ description: "When the profile was created" }),
    last_session_at: timestamp.nullable().meta({ description: "Start of the TA's newest session; null when they have none" }),
    idle: z.boolean().meta({ description: "No session in idle_days (counting from joined_at when they never had one)" }),
    open_problem_count: count("Unresolved problems on the TA's sessions, whenever flagged"),
  })
  .meta({ id: "FollowUpItem" });
export type FollowUpItem = z.infer<typeof followUpItemSchema>;

export const followUpResponseSchema = z
  .object({
    as_of: timestamp.meta({ description: "The instant idle_days was counted back from" }),
    idle_days: z.int().min(1),
    items: z.array(followUpItemSchema).meta({
      description: "Enabled TAs of the set that are idle or have open problems: most open problems first, then longest without a session, then name",
    }),
  })
  .meta({ id: "FollowUpResponse" });
export type FollowUpResponse = z.infer<typeof followUpResponseSchema>;
