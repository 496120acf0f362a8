import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TokenStatus } from "@/lib/tokens/schemas";

const looks: Record<TokenStatus, { tone: BadgeTone; label: string }> = {
  active: { tone: "green", label: "Active" },
  expired: { tone: "amber", label: "Expired" },
  revoked: { tone: "red", label: "Revoked" },
};

export function TokenStatusBadge({ status }: { status: TokenStatus }) {
  const { tone, label } = looks[status];
  return <Badge tone={tone}>{label}</Badge>;
}
