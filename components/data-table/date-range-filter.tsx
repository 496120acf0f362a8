"use client";

import { controlClass, labelClass } from "@/components/ui/filter-styles";
import { useSyncedState } from "./use-synced-state";

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * Two native date inputs (keyboard and screen-reader friendly everywhere). A date is sent to the
 * URL once it is complete or cleared, never while half typed.
 */
export function DateRangeFilter({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (change: { date_from?: string | null; date_to?: string | null }) => void;
}) {
  const [fromValue, setFromValue] = useSyncedState(from?.slice(0, 10) ?? "");
  const [toValue, setToValue] = useSyncedState(to?.slice(0, 10) ?? "");
  const outOfOrder = isDate(fromValue) && isDate(toValue) && fromValue > toValue;

  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className={labelClass}>
        From
        <input
          type="date"
          className={controlClass}
          value={fromValue}
          max={toValue || undefined}
          onChange={(event) => {
            const value = event.target.value;
            setFromValue(value);
            if (value === "" || (isDate(value) && !(isDate(toValue) && value > toValue))) onChange({ date_from: value || null });
          }}
        />
      </label>
      <label className={labelClass}>
        To
        <input
          type="date"
          className={controlClass}
          value={toValue}
          min={fromValue || undefined}
          onChange={(event) => {
            const value = event.target.value;
            setToValue(value);
            if (value === "" || (isDate(value) && !(isDate(fromValue) && fromValue > value))) onChange({ date_to: value || null });
          }}
        />
      </label>
      {outOfOrder ? (
        <p role="alert" className="basis-full text-sm text-red-800 dark:text-red-300">
          The start date is after the end date; the list keeps the previous range.
        </p>
      ) : null}
    </div>
  );
}
