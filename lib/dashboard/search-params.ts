// The dashboard's URL: the period (a preset, or "custom" with its own dates) and the profile-set
// filters, parsed with defaults; anything invalid falls back to the last 30 days.
import { z } from "zod";
import { dateWindowParams, facetParams, firstParam, type FacetParams, type RawSearchParams } from "@/lib/search-params";
import { maxWindowDays, periodPresets, presetWindow, resolveWindow } from "./period";
import type { DashboardRequest } from "./schemas";

export const periodChoices = [...periodPresets, "custom"] as const;
export type PeriodChoice = (typeof periodChoices)[number];
export const defaultPeriod = "30d" satisfies PeriodChoice;

export interface DashboardSearchParams extends FacetParams {
  period: PeriodChoice;
  /** The window's days: the preset's, computed against today, or the custom range. */
  date_from: string;
  date_to: string;
}

export function parseDashboardSearchParams(raw: RawSearchParams, now: Date = new Date()): DashboardSearchParams {
  let period = z.enum(periodChoices).catch(defaultPeriod).parse(firstParam(raw, "period"));
  let range: { date_from?: string; date_to?: string } = {};
  if (period === "custom") {
    range = dateWindowParams(raw);
    // A custom range needs both ends; half a range is not what anyone meant to bookmark.
    // So is one longer than the API allows: fall back rather than fail.
    const { date_from, date_to } = range;
    const tooLong = date_from && date_to && resolveWindow({ date_from, date_to }, now).dayCount > maxWindowDays;
    if (!date_from || !date_to || tooLong) period = defaultPeriod;
  }
  const window = period === "custom" ? { date_from: range.date_from ?? "", date_to: range.date_to ?? "" } : presetWindow(period, now);
  return { period, ...window, ...facetParams(raw) };
}

export function dashboardRequestFromParams(params: DashboardSearchParams): DashboardRequest {
  return { date_from: params.date_from, date_to: params.date_to, department_ids: params.department_ids, roles: params.roles };
}
