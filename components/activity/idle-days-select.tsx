"use client";

import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { controlClass, labelClass } from "@/components/ui/filter-styles";
import { idleDayChoices, type IdleDays } from "@/lib/activity/search-params";

/** How long without a session counts as "needs follow-up"; kept in the URL as idle_days. */
export function IdleDaysSelect({ value }: { value: IdleDays }) {
  const { update, pending } = useSearchParamsState();
  return (
    <label className={labelClass}>
      No session in
      <select className={controlClass} value={value} aria-busy={pending} onChange={(event) => update({ idle_days: Number(event.target.value) })}>
        {idleDayChoices.map((days) => (
          <option key={days} value={days}>
            {days} days
          </option>
        ))}
      </select>
    </label>
  );
}
