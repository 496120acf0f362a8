// The /problems page's URL, parsed into the list request (client-safe); invalid values fall back to
// their defaults instead of failing the page.
import { z } from "zod";
import { sortOrder, type taRole, uuid } from "@/lib/api/common-schemas";
import { allParams, facetParams, firstParam, pageParam, pageSizeParam, validItems, type RawSearchParams } from "@/lib/search-params";
import { problemKind, problemSeverity, problemSortKey, type ListProblemsRequest } from "./schemas";

/** The tabs: open problems are the default view, since they are the ones someone has to act on. */
export const problemStatusTab = z.enum(["open", "resolved", "all"]);
export type ProblemStatusTab = z.infer<typeof problemStatusTab>;

export interface ProblemSearchParams {
  status: ProblemStatusTab;
  page: number;
  page_size: number;
  sort_by: z.infer<typeof problemSortKey>;
  sort_order: z.infer<typeof sortOrder>;
  kinds: z.infer<typeof problemKind>[];
  severities: z.infer<typeof problemSeverity>[];
  department_ids: string[];
  roles: z.infer<typeof taRole>[];
  profile_id?: string;
}

export function parseProblemSearchParams(raw: RawSearchParams): ProblemSearchParams {
  return {
    status: problemStatusTab.catch("open").parse(firstParam(raw, "status")),
    page: pageParam.parse(firstParam(raw, "page")),
    page_size: pageSizeParam.parse(firstParam(raw, "page_size")),
    sort_by: problemSortKey.catch("created_at").parse(firstParam(raw, "sort_by")),
    sort_order: sortOrder.catch("desc").parse(firstParam(raw, "sort_order")),
    kinds: validItems(allParams(raw, "kinds"), problemKind, 10),
    severities: validItems(allParams(raw, "severities"), problemSeverity, 10),
    ...facetParams(raw),
    profile_id: uuid("profile_id").optional().catch(undefined).parse(firstParam(raw, "profile_id")),
  };
}

/** The body of POST /system/problems for the page's state. */
export function toListProblemsRequest(params: ProblemSearchParams): ListProblemsRequest {
  return {
    page: params.page,
    page_size: params.page_size,
    sort_by: params.sort_by,
    sort_order: params.sort_order,
    resolved: params.status === "all" ? undefined : params.status === "resolved",
    kinds: params.kinds.length ? params.kinds : undefined,
    severities: params.severities.length ? params.severities : undefined,
    department_ids: params.department_ids.length ? params.department_ids : undefined,
    roles: params.roles.length ? params.roles : undefined,
    profile_id: params.profile_id,
  };
}
