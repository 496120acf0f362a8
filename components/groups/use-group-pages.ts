"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/contract/api-client";
import { getGroupEndpoint } from "@/lib/groups/endpoints";
import { nextMessageOffset } from "@/lib/groups/prepare";
import type { GetGroupResponse } from "@/lib/groups/schemas";

function fetchGroupPage(groupId: string, offset: number, limit: number, signal: AbortSignal): Promise<GetGroupResponse> {
  return callEndpoint(getGroupEndpoint, { group_id: groupId, include_detail: true, message_limit: limit, message_offset: offset }, { signal });
}

/**
 * A group's messages page by page: the server-rendered first page seeds the cache, and "Load more"
 * fetches the next window from POST /system/group, so a long group never loads all at once.
 */
export function useGroupPages(initial: GetGroupResponse, limit: number) {
  const start = initial.message_offset ?? 0;
  return useInfiniteQuery({
    queryKey: ["group-detail", initial.group_id, start, limit],
    queryFn: ({ pageParam, signal }) => fetchGroupPage(initial.group_id, pageParam, limit, signal),
    initialPageParam: start,
    initialData: { pages: [initial], pageParams: [start] },
    getNextPageParam: (last) => nextMessageOffset(last),
    // The first page came with the HTML; refetching every page on mount would double the work.
    staleTime: 5 * 60_000,
  });
}
