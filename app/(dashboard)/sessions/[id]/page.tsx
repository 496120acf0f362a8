import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ViewAsButton } from "@/components/emulation/view-as-button";
import { LiveUpdates } from "@/components/live/live-updates";
import { SessionProblems } from "@/components/problems/session-problems";
import { ExportButton } from "@/components/data-table/export-button";
import { SessionGroupsTable } from "@/components/sessions/session-groups-table";
import { SessionHeader } from "@/components/sessions/session-header";
import { SessionTimeline } from "@/components/timeline/session-timeline";
import { Card } from "@/components/ui/card";
import { uuid } from "@/lib/api/common-schemas";
import { signedInActor } from "@/lib/auth/browser-actor";
import { canBeEmulated } from "@/lib/emulation/queries";
import { formatInteger } from "@/lib/format/numbers";
import { getSessionDetail } from "@/lib/sessions/queries";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await signedInActor();
  const parsed = uuid("session_id").safeParse(id);
  if (!parsed.success) notFound();

  const body = { session_id: parsed.data.toLowerCase() };
  // The same read /system/session makes, audited by getSessionDetail itself.
  const session = await getSessionDetail(actor, body);
  if (!session.session_exists) notFound();

  const viewAs =
    actor.access_level === "admin" && !actor.emulation && session.profile_id && (await canBeEmulated(session.profile_id))
      ? { profileId: session.profile_id, name: session.profile_name ?? "this TA" }
      : null;
  const now = new Date().toISOString();
  const openProblems = session.problems.filter((problem) => !problem.resolved).length;
  return (
    <div className="space-y-6">
      <SessionHeader
        session={session}
        openProblems={openProblems}
        now={now}
        profileAction={viewAs ? <ViewAsButton profileId={viewAs.profileId} name={viewAs.name} /> : null}
        live={
          session.active ? (
            <LiveUpdates
              filter={{ session_id: session.session_id }}
              refreshOn={["SessionEndedEvent", "RunRecordedEvent", "ProblemFlaggedEvent", "ProblemResolvedEvent", "GenerationCompleteEvent"]}
            />
          ) : null
        }
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
