// The URL state of the Group and Pricing pages, parsed field by field: an invalid value falls back to
// its default instead of failing the page, so a hand-edited or stale link still opens a page.
import { z } from "zod";
import { sortOrder, uuid } from "@/lib/api/common-schemas";
import {
  allParams,
  cursorParam,
  dateWindowParams,
  facetParams,
  firstParam,
  pageParam,
  pageSizeParam,
  validItems,
  type RawSearchParams,
} from "@/lib/search-params";
import { groupSortBy, type GroupSortBy, type ListGroupsRequest, type PricingRequest } from "./schemas";

/** Messages per page of a group's conversation: the first paint and every "Load more". */
export const groupMessagePageSize = 50;

const offset = z.coerce.number().int().min(0).max(10_000_000).catch(0);
const runId = uuid("run").optional().catch(undefined);

export interface GroupPageParams {
  /** Where the first paint starts in the group's message sequence. */
  offset: number;
  /** A run to open on arrival (e.g. linked from a problem). */
  run?: string;
}

export function parseGroupSearchParams(params: RawSearchParams): GroupPageParams {
  return { offset: offset.parse(firstParam(params, "offset")), run: runId.parse(firstParam(params, "run")) };
}

export const isUuid = (value: string) => uuid("id").safeParse(value).success;

export interface PricingPageParams {
  page: number;
  page_size: number;
  sort_by: GroupSortBy;
  sort_order: "asc" | "desc";
  date_from?: string;
  date_to?: string;
  department_ids: string[];
  model_ids: string[];
  /** The TA whose groups the table lists. */
  profile_id?: string;
  /** Keyset position of the groups page (see the Sessions page). */
  cursor?: string;
  /** Column ids hidden in the groups table. */
  hide: string[];
}

// The same parameter names and rules as the Sessions page, so a filter reads the same in every URL.
export function parsePricingSearchParams(raw: RawSearchParams): PricingPageParams {
  const sort = {
    sort_by: groupSortBy.catch("last_run_at").parse(firstParam(raw, "sort_by")),
    sort_order: sortOrder.catch("desc").parse(firstParam(raw, "sort_order")),
  };
  return {
    page: pageParam.parse(firstParam(raw, "page")),
    page_size: pageSizeParam.parse(firstParam(raw, "page_size")),
    ...sort,
    cursor: cursorParam(raw, sort),
    ...dateWindowParams(raw),
    department_ids: facetParams(raw).department_ids,
    model_ids: validItems(allParams(raw, "model_ids"), uuid("model_ids"), 200),
    profile_id: uuid("profile_id").optional().catch(undefined).parse(firstParam(raw, "profile_id")),
    hide: validItems(allParams(raw, "hide"), z.string().regex(/^[a-z_]{1,40}$/), 30),
  };
}

/** The filters the charts share (the pricing endpoint knows no model or TA filter). */
export function toPricingRequest(params: PricingPageParams): PricingRequest {
  return {
    date_from: params.date_from,
    date_to: params.date_to,
    department_ids: params.department_ids.length ? params.department_ids : undefined,
  };
}

/** The groups table's body: the shared filters plus model, TA, sort and page. */
export function toListGroupsRequest(params: PricingPageParams): ListGroupsRequest {
  return {
    ...toPricingRequest(params),
    model_ids: params.model_ids.length ? params.model_ids : undefined,
    profile_id: params.profile_id,
    sort_by: params.sort_by,
    sort_order: params.sort_order,
    cursor: params.cursor,
    page: params.page,
    page_size: params.page_size,
  };
}
