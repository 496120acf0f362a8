import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { SessionProblems } from "@/components/problems/session-problems";
import { ExportButton } from "@/components/sessions/export-button";
import { SessionGroupsTable } from "@/components/sessions/session-groups-table";
import { SessionHeader } from "@/components/sessions/session-header";
import { SessionTimeline } from "@/components/timeline/session-timeline";
import { Card } from "@/components/ui/card";
import { uuid } from "@/lib/api/common-schemas";
import { recordAudit } from "@/lib/audit/record";
import { browserActor } from "@/lib/auth/browser-actor";
import { formatInteger } from "@/lib/format/numbers";
import { sessionEndpoint } from "@/lib/sessions/endpoints";
import { getSessionDetail } from "@/lib/sessions/queries";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await browserActor();
  const parsed = uuid("session_id").safeParse(id);
  if (!actor || !parsed.success) notFound();

  const body = { session_id: parsed.data.toLowerCase() };
  // The page reads the same student record /system/session does, so it leaves the same audit trail.
  const auditEntry = sessionEndpoint.auditRead?.(body);
  if (auditEntry) await recordAudit(actor, auditEntry, { headers: await headers(), requestId: randomUUID() });
  const session = await getSessionDetail(actor, body);
  if (!session.session_exists) notFound();

  const now = new Date().toISOString();
  const openProblems = session.problems.filter((problem) => !problem.resolved).length;
  return (
    <div className="space-y-6">
      <SessionHeader
        session={session}
        openProblems={openProblems}
        now={now}
        action={
          <ExportButton
            body={{ target_session_id: session.session_id }}
            label="Export this session"
            description="Downloads a ZIP with this session's chats, attempts, groups, runs, messages, uploads, tool calls and problems as CSV and JSONL."
          />
        }
      />
      <Card title={`Generation groups (${formatInteger(session.groups.length)})`}>
        <SessionGroupsTable groups={session.groups} now={now} />
      </Card>
      <Card title={`Problems (${formatInteger(openProblems)} open of ${formatInteger(session.problems.length)})`}>
        <SessionProblems problems={session.problems} canResolve={actor.access_level !== "ta"} now={now} />
      </Card>
      <Card title={`Timeline (${formatInteger(session.timeline.length)} events)`}>
        <SessionTimeline events={session.timeline} startedAt={session.session_created_at} now={now} />
      </Card>
    </div>
  );
}
