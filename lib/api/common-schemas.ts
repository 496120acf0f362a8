// Building blocks shared by every endpoint's request and response schemas (client-safe).
import { z } from "zod";

// Both cases spelled out rather than the /i flag: JSON Schema patterns (the OpenAPI document) have no flags.
export const uuid = (what: string) =>
  z.string({ error: `${what} must be a string` }).regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, {
    error: `${what} must be a UUID`,
  });

/** Exact US-dollar amount, e.g. "0.004125": never a float, never rounded. */
export const money = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .meta({ description: "Exact US-dollar amount as a decimal string (never rounded)", example: "0.0412" });

export const timestamp = z.iso.datetime().meta({ description: "UTC, ISO 8601", example: "2026-05-01T14:03:22.125Z" });

export const sortOrder = z.enum(["asc", "desc"]).meta({ description: "Sort direction" });

const dateOrDateTime = z.string().refine(isRealDateOrDateTime, {
  error: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone",
});

/** Rejects impossible calendar dates such as 2025-02-30, which Date.parse would roll into March. */
export function isRealDateOrDateTime(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) return false;
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const sameDay = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  return sameDay && !Number.isNaN(Date.parse(value));
}

/** The activity filters of the spec, shared by activity, sessions, groups and export. */
export const activityFilters = {
  date_from: dateOrDateTime.optional().meta({ description: "Start of the window (inclusive). A date means 00:00 UTC." }),
  date_to: dateOrDateTime.optional().meta({ description: "End of the window. A date includes that whole UTC day." }),
  department_ids: z.array(z.string().min(1).max(100)).max(200).optional().meta({ description: "Department ids, e.g. dept-cs" }),
  roles: z
    .array(z.enum(["head_ta", "graduate_ta", "undergraduate_ta"]))
    .max(10)
    .optional()
    .meta({ description: "TA role types" }),
};

export const taRole = z.enum(["head_ta", "graduate_ta", "undergraduate_ta"]);
export const accessLevel = z.enum(["admin", "coordinator", "ta"]);

/** Rejects a window whose start is after its end; used with `.superRefine` on bodies with the filters. */
export function checkDateWindow(body: { date_from?: string; date_to?: string }, ctx: z.RefinementCtx): void {
  if (!body.date_from || !body.date_to) return;
  const window = dateWindow(body);
  if (window.from && window.toExclusive && window.from >= window.toExclusive) {
    ctx.addIssue({ code: "custom", path: ["date_from"], message: "date_from must not be after date_to" });
  }
}

/** [from, toExclusive) in UTC; a bare date in date_to covers that whole day. */
export function dateWindow(body: { date_from?: string; date_to?: string }): { from?: Date; toExclusive?: Date } {
  const from = body.date_from ? new Date(body.date_from.length === 10 ? `${body.date_from}T00:00:00Z` : body.date_from) : undefined;
  let toExclusive: Date | undefined;
  if (body.date_to) {
    toExclusive = body.date_to.length === 10 ? new Date(`${body.date_to}T00:00:00Z`) : new Date(body.date_to);
    toExclusive = new Date(toExclusive.getTime() + (body.date_to.length === 10 ? 86_400_000 : 1));
  }
  return { from, toExclusive };
}

export const maxPageSize = 200;

/** Page numbers start at 1; page_size is capped so no request can ask for an unbounded page. */
export const paginationRequest = {
  page: z.int({ error: "page must be an integer" }).min(1, { error: "page starts at 1" }).max(1_000_000).default(1),
  page_size: z
    .int({ error: "page_size must be an integer" })
    .min(1, { error: "page_size must be at least 1" })
    .max(maxPageSize, { error: `page_size must be at most ${maxPageSize}` })
    .default(25),
};

/** Every paginated response: the rows in `items` plus where they sit in the whole result. */
export function paginatedResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.int().min(1),
    page_size: z.int().min(1),
    total_count: z.int().min(0),
    total_pages: z.int().min(0),
  });
}

/**
 * The lists over the summary tables (sessions, groups) also page by keyset and say how exact their
 * total is and how fresh their numbers are.
 */
export function keysetPaginatedResponse<T extends z.ZodType>(item: T) {
  return paginatedResponse(item).extend({
    next_cursor: z.string().nullable().meta({ description: "Send as cursor for the page after this one; null on the last page" }),
    prev_cursor: z.string().nullable().meta({ description: "Send as cursor for the page before this one; null on the first page" }),
    total_count_is_estimate: z.boolean().meta({
      description:
        "false: total_count is exact. true: counting exactly would mean reading every matching row, so total_count is exact up to 1,000 and the planner's estimate above that.",
    }),
    data_as_of: timestamp.meta({
      description: "When the numbers were read. Summaries are kept current in the same transaction as every write, so this is the answer's own time.",
    }),
  });
}

export function pageInfo(page: number, pageSize: number, totalCount: number) {
  return { page, page_size: pageSize, total_count: totalCount, total_pages: Math.ceil(totalCount / pageSize) };
}
