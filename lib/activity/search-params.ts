// The Activity page's URL: filters, sort, view and follow-up threshold, parsed with defaults.
// A hand-edited or stale URL never breaks the page: each invalid value falls back on its own.
import { z } from "zod";
import { sortOrder } from "@/lib/api/common-schemas";
import { dateWindowParams, facetParams, firstParam, type FacetParams, type RawSearchParams } from "@/lib/search-params";
import type { ActivityRequest } from "./schemas";

export const activitySortKey = z.enum([
  "profile_name",
  "department_name",
  "ta_role",
  "sessions_count",
  "logins_count",
  "failed_logins_count",
  "grants_count",
  "problems_count",
  "activity_count",
]);
export type ActivitySortKey = z.infer<typeof activitySortKey>;

export const activityViews = ["profiles", "follow_up"] as const;
export type ActivityView = (typeof activityViews)[number];

export const idleDayChoices = [7, 14, 30] as const;
export type IdleDays = (typeof idleDayChoices)[number];

export interface ActivitySearchParams extends FacetParams {
  date_from?: string;
  date_to?: string;
  sort_by: ActivitySortKey;
  sort_order: "asc" | "desc";
  view: ActivityView;
  idle_days: IdleDays;
}

export const activityDefaults = { sort_by: "activity_count", sort_order: "desc", view: "profiles", idle_days: 14 } as const;

export function parseActivitySearchParams(raw: RawSearchParams): ActivitySearchParams {
  const idle = Number(firstParam(raw, "idle_days"));
  return {
    ...dateWindowParams(raw),
    ...facetParams(raw),
    sort_by: activitySortKey.catch(activityDefaults.sort_by).parse(firstParam(raw, "sort_by")),
    sort_order: sortOrder.catch(activityDefaults.sort_order).parse(firstParam(raw, "sort_order")),
    view: z.enum(activityViews).catch(activityDefaults.view).parse(firstParam(raw, "view")),
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
