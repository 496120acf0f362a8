// The /settings/audit page's URL, parsed into the list request (client-safe); invalid values fall
// back to their defaults instead of failing the page.
import { z } from "zod";
import { uuid } from "@/lib/api/common-schemas";
import { dateWindowParams, firstParam, pageParam, pageSizeParam, type RawSearchParams } from "@/lib/search-params";
import { auditOutcomes } from "./actions";
import type { ListAuditRequest } from "./schemas";

export type AuditSearchParams = Omit<ListAuditRequest, "page" | "page_size"> & { page: number; page_size: number };

const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

export function parseAuditSearchParams(raw: RawSearchParams): AuditSearchParams {
  const id = (key: string) => uuid(key).optional().catch(undefined).parse(firstParam(raw, key));
  return {
    page: pageParam.parse(firstParam(raw, "page")),
    page_size: pageSizeParam.parse(firstParam(raw, "page_size")),
    actor_id: id("actor_id"),
    on_behalf_of_id: id("on_behalf_of_id"),
    action: text(100).parse(firstParam(raw, "action")),
    target_type: text(50).parse(firstParam(raw, "target_type")),
    target_id: text(100).parse(firstParam(raw, "target_id")),
    request_id: text(100).parse(firstParam(raw, "request_id")),
    outcome: z.enum(auditOutcomes).optional().catch(undefined).parse(firstParam(raw, "outcome")),
    ...dateWindowParams(raw),
  };
}

/** Whether any filter (not the page) is set, for the empty state and the reset link. */
export function isFiltered(params: AuditSearchParams): boolean {
  const { page: _page, page_size: _pageSize, ...filters } = params;
  return Object.values(filters).some((value) => value !== undefined);
}

/** Where an audit target can be looked at in the dashboard, when there is such a page. */
export function targetHref(targetType: string, targetId: string | null): string | null {
  if (!targetId) return null;
  if (targetType === "session") return `/sessions/${targetId}`;
  if (targetType === "group") return `/groups/${targetId}`;
  if (targetType === "profile") return `/sessions?profile_id=${targetId}`;
  return null;
}
