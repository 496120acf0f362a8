import { formatCompact, formatInteger } from "@/lib/format/numbers";

/** "1.2M" with the exact count on hover and for screen readers. */
export function CompactNumber({ value }: { value: number }) {
  const exact = formatInteger(value);
  const compact = formatCompact(value);
  if (exact === compact) return <span className="tabular-nums">{exact}</span>;
  return (
    <span title={exact} className="tabular-nums">
      <span aria-hidden>{compact}</span>
      <span className="sr-only">{exact}</span>
    </span>
  );
}

export function Count({ value }: { value: number }) {
  return <span className="tabular-nums">{formatInteger(value)}</span>;
}
