"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { controlClass, labelClass } from "@/components/ui/filter-styles";
import { downloadFromApi } from "@/components/ui/download-from-api";
import { accessHistoryEndpoint } from "@/lib/audit/endpoints";
import { primaryButtonClass } from "./settings-dialog";
import type { FilterOption as Option } from "@/lib/facets/prepare";

function downloadHistory(body: { profile_id: string; purpose: string }): Promise<string> {
  return downloadFromApi(accessHistoryEndpoint, body, "glow-access-history.csv");
}

/** Everything recorded about one TA (who opened their records, emulations, their own actions, sign-ins) as a CSV. */
export function AccessHistoryExport({ tas }: { tas: Option[] }) {
  const mutation = useMutation({ mutationFn: downloadHistory });
  const ids = { ta: useId(), purpose: useId(), heading: useId() };
  return (
    <section aria-labelledby={ids.heading} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 id={ids.heading} className="font-semibold">
        Export a TA&apos;s access history
      </h3>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        A CSV of every access to their records, everything done on their behalf, their own actions and their sign-ins. The export itself is recorded
        with its purpose.
      </p>
      <form
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          mutation.mutate({ profile_id: String(form.get("profile_id") ?? ""), purpose: String(form.get("purpose") ?? "") });
        }}
      >
        <label htmlFor={ids.ta} className={labelClass}>
          TA
          <select id={ids.ta} name="profile_id" required defaultValue="" className={`${controlClass} max-w-[16rem]`}>
            <option value="" disabled>
              Choose a TA
            </option>
            {tas.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.purpose} className={`${labelClass} min-w-[14rem] flex-1`}>
          Purpose
          <input id={ids.purpose} name="purpose" required maxLength={500} placeholder="e.g. FERPA request from the TA" className={controlClass} />
        </label>
        <button type="submit" className={primaryButtonClass} disabled={mutation.isPending}>
          {mutation.isPending ? "Preparing…" : "Download CSV"}
        </button>
      </form>
      <p className="sr-only" aria-live="polite">
        {mutation.isSuccess ? `Downloaded ${mutation.data}.` : ""}
      </p>
      {mutation.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {mutation.error.message}
        </p>
      ) : null}
    </section>
  );
}
