"use client";

import { ErrorState } from "@/components/ui/states";

export default function PricingError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Pricing</h1>
      <ErrorState
        message={error.digest ? `The pricing data could not be loaded (reference ${error.digest}).` : "The pricing data could not be loaded."}
        onRetry={reset}
      />
    </div>
  );
}
