// The one reader of page URLs (client-safe): every page's search-params module builds on these, so a
// parameter means the same on every page. A hand-edited or stale URL never breaks a page: an invalid
// value falls back to its default on its own, and never fails the others.
import { z } from "zod";
import { decodeCursor } from "@/lib/api/cursor";
import { activityFilters, checkDateWindow, maxPageSize, taRole } from "@/lib/api/common-schemas";

/** What Next.js hands a page as `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, as `URLSearchParams.get` reads it: a repeated scalar keeps its first occurrence. */
export function firstParam(raw: RawSearchParams, key: string): string | undefined {
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a list parameter, repeated (`?roles=a&roles=b`) or comma-separated (`?roles=a,b`). */
export function allParams(raw: RawSearchParams, key: string): string[] {
  const value = raw[key];
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return values
    .flatMap((item) => item.split(","))
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Keeps the items a schema accepts, dropping the rest and duplicates, up to `max`. */
export function validItems<T>(values: string[], item: z.ZodType<T>, max: number): T[] {
  const kept: T[] = [];
  for (const value of values) {
    const parsed = item.safeParse(value);
    if (parsed.success && !kept.includes(parsed.data)) kept.push(parsed.data);
  }
  return kept.slice(0, max);
}

export const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);
export const pageSizeParam = z.coerce.number().int().min(1).max(maxPageSize).catch(25);
const dateParam = activityFilters.date_from.catch(undefined);
const departmentId = z.string().min(1).max(100);

/** The activity filters' date window, both ends dropped when they are in the wrong order. */
export function dateWindowParams(raw: RawSearchParams): { date_from?: string; date_to?: string } {
  const window = { date_from: dateParam.parse(firstParam(raw, "date_from")), date_to: dateParam.parse(firstParam(raw, "date_to")) };
  const check = z.object({ date_from: z.string().optional(), date_to: z.string().optional() }).superRefine(checkDateWindow);
  return check.safeParse(window).success ? window : {};
}

export interface FacetParams {
  department_ids: string[];
  roles: z.infer<typeof taRole>[];
}

/** Department and role filters (the facets of /system/activity); departments are checked by the query's scope. */
export function facetParams(raw: RawSearchParams): FacetParams {
  return {
    department_ids: validItems(allParams(raw, "department_ids"), departmentId, 200),
    roles: validItems(allParams(raw, "roles"), taRole, 10),
  };
}

/**
 * The URL's keyset cursor when it belongs to this sort; a stale or hand-edited one is dropped, and
 * the page number takes over.
 */
export function cursorParam(raw: RawSearchParams, sort: { sort_by: string; sort_order: "asc" | "desc" }): string | undefined {
  const value = firstParam(raw, "cursor");
  if (value === undefined) return undefined;
  const cursor = decodeCursor(value);
  return cursor && cursor.sort_by === sort.sort_by && cursor.sort_order === sort.sort_order ? value : undefined;
}
