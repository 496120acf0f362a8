// The /settings/users page's URL, parsed into the list request (client-safe); invalid values fall
// back to their defaults instead of failing the page.
import { z } from "zod";
import { accessLevel } from "@/lib/api/common-schemas";
import { firstParam, pageParam, pageSizeParam, type RawSearchParams } from "@/lib/search-params";
import { userStatus, type ListUsersRequest } from "./schemas";

export interface UserSearchParams {
  page: number;
  page_size: number;
  search: string;
  access_level?: z.infer<typeof accessLevel>;
  department_id?: string;
  status?: z.infer<typeof userStatus>;
}

export function parseUserSearchParams(raw: RawSearchParams): UserSearchParams {
  return {
    page: pageParam.parse(firstParam(raw, "page")),
    page_size: pageSizeParam.parse(firstParam(raw, "page_size")),
    search: z
      .string()
      .trim()
      .max(200)
      .catch("")
      .parse(firstParam(raw, "search") ?? ""),
    access_level: accessLevel.optional().catch(undefined).parse(firstParam(raw, "access_level")),
    department_id: z.string().min(1).max(100).optional().catch(undefined).parse(firstParam(raw, "department_id")),
    status: userStatus.optional().catch(undefined).parse(firstParam(raw, "status")),
  };
}

export function toListUsersRequest(params: UserSearchParams): ListUsersRequest {
  return {
    page: params.page,
    page_size: params.page_size,
    search: params.search || undefined,
    access_level: params.access_level,
    department_id: params.department_id,
    status: params.status,
  };
}
