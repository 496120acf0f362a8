"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { errorResponseSchema } from "@/lib/api/errors";
import { nextMessageOffset } from "@/lib/groups/prepare";
import { getGroupResponse, type GetGroupResponse } from "@/lib/groups/schemas";

async function fetchGroupPage(groupId: string, offset: number, limit: number): Promise<GetGroupResponse> {
  const response = await fetch("/system/group", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ group_id: groupId, include_detail: true, message_limit: limit, message_offset: offset }),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = errorResponseSchema.safeParse(json);
    throw new Error(error.success ? error.data.error.message : `The messages could not be loaded (HTTP ${response.status}).`);
  }
  return getGroupResponse.parse(json);
}

/**
 * A group's messages page by page: the server-rendered first page seeds the cache, and "Load more"
 * fetches the next window from POST /system/group, so a long group never loads all at once.
 */
export function useGroupPages(initial: GetGroupResponse, limit: number) {
  const start = initial.message_offset ?? 0;
  return useInfiniteQuery({
    queryKey: ["group-detail", initial.group_id, start, limit],
    queryFn: ({ pageParam }) => fetchGroupPage(initial.group_id, pageParam, limit),
    initialPageParam: start,
    initialData: { pages: [initial], pageParams: [start] },
    getNextPageParam: (last) => nextMessageOffset(last),
    // The first page came with the HTML; refetching every page on mount would double the work.
    staleTime: 5 * 60_000,
  });
}
