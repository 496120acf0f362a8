"use client";

import { ErrorState } from "@/components/ui/states";

export default function GroupError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Generation group</h1>
      <ErrorState
        message={error.digest ? `The group could not be loaded (reference ${error.digest}).` : "The group could not be loaded."}
        onRetry={reset}
      />
    </div>
  );
}
