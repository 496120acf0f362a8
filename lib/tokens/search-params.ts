// The /settings/tokens page's URL, parsed into the list request (client-safe); invalid values fall
// back to their defaults instead of failing the page.
import { uuid } from "@/lib/api/common-schemas";
import { firstParam, pageParam, pageSizeParam, type RawSearchParams } from "@/lib/search-params";
import { tokenStatus, type ListTokensRequest, type TokenStatus } from "./schemas";

export interface TokenSearchParams {
  page: number;
  page_size: number;
  status?: TokenStatus;
  profile_id?: string;
}

export function parseTokenSearchParams(raw: RawSearchParams): TokenSearchParams {
  return {
    page: pageParam.parse(firstParam(raw, "page")),
    page_size: pageSizeParam.parse(firstParam(raw, "page_size")),
    status: tokenStatus.optional().catch(undefined).parse(firstParam(raw, "status")),
    profile_id: uuid("profile_id").optional().catch(undefined).parse(firstParam(raw, "profile_id")),
  };
}

export function toListTokensRequest(params: TokenSearchParams): ListTokensRequest {
  return params;
}
