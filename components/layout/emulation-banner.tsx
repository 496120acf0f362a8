"use client";

import { useState } from "react";
import { callEndpoint } from "@/lib/contract/api-client";
import { endEmulationEndpoint } from "@/lib/emulation/endpoints";

/** Always visible while emulating: whose view this is, that it is read-only, and the way out. */
export function EmulationBanner({ targetName, adminName }: { targetName: string; adminName: string }) {
  const [error, setError] = useState<string | null>(null);
  async function end() {
    try {
      await callEndpoint(endEmulationEndpoint, {});
    } catch {
      setError("Could not end the emulation. Try again.");
      return;
    }
    // A full reload, so every server component renders as the admin again.
    window.location.reload();
  }
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50"
    >
      <span>
        <strong>Viewing as {targetName}</strong> (read-only). Every view is recorded as {adminName}.
      </span>
      <button
        type="button"
        onClick={() => void end()}
        className="rounded-md bg-amber-900 px-3 py-1 font-medium text-white hover:bg-amber-950 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-700 focus-visible:ring-offset-2 dark:bg-amber-50 dark:text-amber-950"
      >
        End emulation
      </button>
      {error ? <span role="alert">{error}</span> : null}
    </div>
  );
}
