"use client";

import { controlClass, labelClass } from "@/components/ui/filter-styles";
import type { FilterOption } from "@/lib/facets/prepare";
import { useSearchParamsState } from "./use-search-params-state";
import { useSyncedState } from "./use-synced-state";

/**
 * A one-of-many filter kept in the URL under `name`; the empty choice (`all`) removes it. A value the
 * options do not hold (a TA who left the scope, a hand-edited link) stays chosen and visible.
 */
export function SelectFilter({
  label,
  name,
  value,
  options,
  all,
  unknownLabel,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: FilterOption[];
  all: string;
  /** How a value outside the options is shown; the value itself when not given. */
  unknownLabel?: string;
}) {
  const { update } = useSearchParamsState();
  const [selected, setSelected] = useSyncedState(value ?? "");
  const shown = value && !options.some((option) => option.value === value) ? [...options, { value, label: unknownLabel ?? value }] : options;
  return (
    <label className={labelClass}>
      {label}
      <select
        className={`${controlClass} max-w-[14rem]`}
        value={selected}
        onChange={(event) => {
          setSelected(event.target.value);
          update({ [name]: event.target.value || null });
        }}
      >
        <option value="">{all}</option>
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The "TA" menu of every list that can show one TA's rows (`profile_id` in the URL). */
export function TaPicker({ selected, options }: { selected: string | undefined; options: FilterOption[] }) {
  return <SelectFilter label="TA" name="profile_id" value={selected} options={options} all="All TAs" unknownLabel="Selected TA" />;
}
