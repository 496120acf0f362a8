"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { resolveProblemResponseSchema, type ResolveProblemResponse } from "@/lib/problems/schemas";

/** Every resolve/re-open shares this key, so a page can show the latest outcome (useMutationState). */
export const resolveMutationKey = ["resolve-problem"] as const;

export interface ResolveVariables {
  problem_id: string;
  resolved: boolean;
  /** Only for the messages: which problem it was. */
  description: string;
}

async function postResolve({ problem_id, resolved }: ResolveVariables): Promise<ResolveProblemResponse> {
  const response = await fetch("/activity/resolve", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ problem_id, resolved }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return resolveProblemResponseSchema.parse(await response.json());
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
