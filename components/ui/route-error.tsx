"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { ErrorState } from "./states";

/**
 * The body of a segment's error.tsx. `reset` alone only re-renders on the client; the failed part
 * came from the server, so "Try again" refreshes the route's server data in the same transition.
 */
export function RouteError({ what, error, reset }: { what: string; error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div aria-busy={pending}>
      <ErrorState
        message={`${what} could not be loaded${error.digest ? ` (reference ${error.digest})` : ""}. Try again; if it keeps failing, tell an administrator.`}
        onRetry={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      />
    </div>
  );
}
