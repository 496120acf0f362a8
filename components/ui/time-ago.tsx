import { formatRelative, formatUtc } from "@/lib/format/dates";

/** "3 h ago", with the exact UTC time on hover and for screen readers. */
export function TimeAgo({ iso, now }: { iso: string | null; now?: Date }) {
  if (!iso) return <span className="text-slate-400">—</span>;
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}
