// The Activity page's URL: filters, sort, view and follow-up threshold, parsed with defaults.
// A hand-edited or stale URL never breaks the page: each invalid value falls back on its own.
import { z } from "zod";
import { activityFilters, sortOrder, taRole } from "@/lib/api/common-schemas";
import type { ActivityRequest } from "./schemas";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Every value of a repeated parameter (`?roles=a&roles=b`), also accepting `roles=a,b`. */
export function many(value: string | string[] | undefined): string[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return [...new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))];
}

/** The last value of a parameter given once or more. */
export function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.at(-1) : value;
}

/** A real calendar day (YYYY-MM-DD), or undefined. */
export function parseDay(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return activityFilters.date_from.safeParse(value).success ? value : undefined;
}

export interface ProfileSetParams {
  department_ids: string[];
  roles: z.infer<typeof taRole>[];
}

/** Departments and roles of the URL: unknown roles are dropped; departments are checked by the query's scope. */
export function parseProfileSetParams(raw: RawSearchParams): ProfileSetParams {
  const roles = many(raw.roles).flatMap((role) => {
    const parsed = taRole.safeParse(role);
    return parsed.success ? [parsed.data] : [];
  });
  return { department_ids: many(raw.department_ids).slice(0, 200), roles };
}

/** The date range of the URL; an inverted range is dropped as a whole rather than guessed at. */
export function parseDateRange(raw: RawSearchParams): { date_from?: string; date_to?: string } {
  const date_from = parseDay(one(raw.date_from));
  const date_to = parseDay(one(raw.date_to));
  if (date_from && date_to && date_from > date_to) return {};
  return { ...(date_from ? { date_from } : {}), ...(date_to ? { date_to } : {}) };
}

export const activitySortKey = z.enum([
  "profile_name",
  "department_name",
  "ta_role",
  "sessions_count",
  "logins_count",
  "grants_count",
  "problems_count",
  "activity_count",
]);
export type ActivitySortKey = z.infer<typeof activitySortKey>;

export const activityViews = ["profiles", "follow_up"] as const;
export type ActivityView = (typeof activityViews)[number];

export const idleDayChoices = [7, 14, 30] as const;
export type IdleDays = (typeof idleDayChoices)[number];

export interface ActivitySearchParams extends ProfileSetParams {
  date_from?: string;
  date_to?: string;
  sort_by: ActivitySortKey;
  sort_order: "asc" | "desc";
  view: ActivityView;
  idle_days: IdleDays;
}

export const activityDefaults = { sort_by: "activity_count", sort_order: "desc", view: "profiles", idle_days: 14 } as const;

export function parseActivitySearchParams(raw: RawSearchParams): ActivitySearchParams {
  const idle = Number(one(raw.idle_days));
  return {
    ...parseDateRange(raw),
    ...parseProfileSetParams(raw),
    sort_by: activitySortKey.catch(activityDefaults.sort_by).parse(one(raw.sort_by)),
    sort_order: sortOrder.catch(activityDefaults.sort_order).parse(one(raw.sort_order)),
    view: z.enum(activityViews).catch(activityDefaults.view).parse(one(raw.view)),
    idle_days: idleDayChoices.find((choice) => choice === idle) ?? activityDefaults.idle_days,
  };
}

/** The /system/activity body for the page's filters (sort and view are the page's own business). */
export function activityRequestFromParams(params: ActivitySearchParams): ActivityRequest {
  return {
    ...(params.date_from ? { date_from: params.date_from } : {}),
    ...(params.date_to ? { date_to: params.date_to } : {}),
    department_ids: params.department_ids,
    roles: params.roles,
  };
}
