import { Badge } from "@/components/ui/badge";
import { formatUtc } from "@/lib/format/dates";

export function SessionStatusBadge({ active, endedAt }: { active: boolean | null; endedAt: string | null }) {
  if (active) return <Badge tone="green">Active</Badge>;
  return (
    <span title={endedAt ? `Ended ${formatUtc(endedAt)}` : undefined}>
      <Badge>Ended</Badge>
    </span>
  );
}
