"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { callEndpoint } from "@/lib/contract/api-client";
import { resolveProblemEndpoint } from "@/lib/problems/endpoints";
import type { ResolveProblemResponse } from "@/lib/problems/schemas";

/** Every resolve/re-open shares this key, so a page can show the latest outcome (useMutationState). */
export const resolveMutationKey = ["resolve-problem"] as const;

export interface ResolveVariables {
  problem_id: string;
  resolved: boolean;
  /** Only for the messages: which problem it was. */
  description: string;
}

function postResolve({ problem_id, resolved }: ResolveVariables): Promise<ResolveProblemResponse> {
  return callEndpoint(resolveProblemEndpoint, { problem_id, resolved });
}

/**
 * POST /activity/resolve. The optimistic state is drawn from the mutation's variables while it is
 * pending (TanStack Query's "optimistic update via the UI"), so an error rolls back by itself: the
 * row falls back to the server's data. On success the server components re-render (router.refresh)
 * so counts on the page and elsewhere follow, and client-side queries are refetched.
 */
export function useResolveProblem() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: resolveMutationKey,
    mutationFn: postResolve,
    onSuccess: () => {
      router.refresh();
      void queryClient.invalidateQueries();
    },
  });
}
