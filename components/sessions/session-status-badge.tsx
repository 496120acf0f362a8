import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatUtc } from "@/lib/format/dates";
import { sessionStatusLabels } from "@/lib/format/labels";
import type { SessionStatus } from "@/lib/sessions/schemas";

const tones: Record<SessionStatus, BadgeTone> = { active: "green", idle: "amber", completed: "neutral", aborted: "red", expired: "neutral" };

export function SessionStatusBadge({ status, endedAt }: { status: SessionStatus | null; endedAt: string | null }) {
  if (!status) return null;
  const { label, meaning } = sessionStatusLabels[status];
  return (
    <span title={endedAt ? `${meaning}: ended ${formatUtc(endedAt)}` : meaning}>
      <Badge tone={tones[status]}>{label}</Badge>
    </span>
  );
}
