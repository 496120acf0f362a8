"use client";

import { ErrorState } from "@/components/ui/states";

export default function AgentsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Agents</h1>
      <ErrorState
        message={error.digest ? `The agents could not be loaded (reference ${error.digest}).` : "The agents could not be loaded."}
        onRetry={reset}
      />
    </div>
  );
}
