// The /sessions page's URL, parsed into the list request (client-safe). Every value falls back to
// its default when it is missing or invalid, so a hand-edited or stale bookmark still renders.
import { z } from "zod";
import { decodeCursor } from "@/lib/api/cursor";
import { activityFilters, checkDateWindow, maxPageSize, sortOrder, taRole, uuid } from "@/lib/api/common-schemas";
import { sessionSortKey, type ListSessionsRequest } from "./schemas";

/** What Next.js hands a page as `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter (a repeated scalar keeps its first occurrence). */
export function firstParam(raw: RawSearchParams, key: string): string | undefined {
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a repeated parameter (`?department_ids=a&department_ids=b`). */
export function allParams(raw: RawSearchParams, key: string): string[] {
  const value = raw[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
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

/** Department and role filters (the facets of /system/activity). */
export function facetParams(raw: RawSearchParams): { department_ids: string[]; roles: z.infer<typeof taRole>[] } {
  return {
    department_ids: validItems(allParams(raw, "department_ids"), departmentId, 200),
    roles: validItems(allParams(raw, "roles"), taRole, 10),
  };
}

export const activeFilter = z.enum(["all", "active", "ended"]);
export type ActiveFilter = z.infer<typeof activeFilter>;

export interface SessionSearchParams {
  page: number;
  page_size: number;
  sort_by: z.infer<typeof sessionSortKey>;
  sort_order: z.infer<typeof sortOrder>;
  active: ActiveFilter;
  date_from?: string;
  date_to?: string;
  department_ids: string[];
  roles: z.infer<typeof taRole>[];
  profile_id?: string;
  /** Keyset position of the page (from the previous page's next/prev link); page is then its number. */
  cursor?: string;
  /** Column ids hidden by the column chooser. */
  hide: string[];
}

/**
 * The URL's cursor when it belongs to this sort; a stale or hand-edited one is dropped, and the page
 * number takes over.
 */
export function cursorParam(raw: RawSearchParams, sort: { sort_by: string; sort_order: "asc" | "desc" }): string | undefined {
  const value = firstParam(raw, "cursor");
  if (value === undefined) return undefined;
  const cursor = decodeCursor(value);
  return cursor && cursor.sort_by === sort.sort_by && cursor.sort_order === sort.sort_order ? value : undefined;
}

export function parseSessionSearchParams(raw: RawSearchParams): SessionSearchParams {
  const sort = {
    sort_by: sessionSortKey.catch("session_created_at").parse(firstParam(raw, "sort_by")),
    sort_order: sortOrder.catch("desc").parse(firstParam(raw, "sort_order")),
  };
  return {
    page: pageParam.parse(firstParam(raw, "page")),
    page_size: pageSizeParam.parse(firstParam(raw, "page_size")),
    ...sort,
    cursor: cursorParam(raw, sort),
    active: activeFilter.catch("all").parse(firstParam(raw, "active")),
    ...dateWindowParams(raw),
    ...facetParams(raw),
    profile_id: uuid("profile_id").optional().catch(undefined).parse(firstParam(raw, "profile_id")),
    hide: validItems(allParams(raw, "hide"), z.string().min(1).max(40), 30),
  };
}

/** The body of POST /system/sessions for the page's state: the same request the API would get. */
export function toListSessionsRequest(params: SessionSearchParams): ListSessionsRequest {
  return {
    page: params.page,
    page_size: params.page_size,
    sort_by: params.sort_by,
    sort_order: params.sort_order,
    cursor: params.cursor,
    active: params.active === "all" ? undefined : params.active === "active",
    profile_id: params.profile_id,
    date_from: params.date_from,
    date_to: params.date_to,
    department_ids: params.department_ids.length ? params.department_ids : undefined,
    roles: params.roles.length ? params.roles : undefined,
  };
}

/**
 * The part of the filters /system/export understands: the activity filters. Active and TA have no
 * export equivalent, which is why the export button says what it covers.
 */
export function toExportFilters(params: Pick<SessionSearchParams, "date_from" | "date_to" | "department_ids" | "roles">) {
  return {
    date_from: params.date_from,
    date_to: params.date_to,
    department_ids: params.department_ids.length ? params.department_ids : undefined,
    roles: params.roles.length ? params.roles : undefined,
  };
}
