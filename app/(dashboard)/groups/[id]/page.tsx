import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { GroupHeader } from "@/components/groups/group-header";
import { GroupTotals, GroupTotalsSkeleton } from "@/components/groups/group-totals";
import { GroupTree } from "@/components/groups/group-tree";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { Actor } from "@/lib/auth/actor";
import { browserActor, signedInActor } from "@/lib/auth/browser-actor";
import { auditedPageRead } from "@/lib/audit/audited-page-read";
import { getGroupEndpoint } from "@/lib/groups/endpoints";
import { getGroup, groupTotals } from "@/lib/groups/queries";
import { groupMessagePageSize, isUuid, parseGroupSearchParams } from "@/lib/groups/search-params";
import type { RawSearchParams } from "@/lib/search-params";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}

// The lean identity (cheap) decides 404 and the header; metadata and the page share one lookup.
const groupIdentity = cache(async (id: string) => {
  const actor = await browserActor();
  if (!actor || !isUuid(id)) return null;
  return { actor, group: await getGroup(actor, { group_id: id, include_detail: false, message_limit: 1, message_offset: 0 }) };
});

/** What the page discloses: the same request /system/group answers, audited the same way. */
const detailRequest = (groupId: string, offset: number) => ({ group_id: groupId, include_detail: true, message_limit: groupMessagePageSize, message_offset: offset });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await groupIdentity((await params).id);
  return { title: (found?.group.group_exists && found.group.group_name) || "Group not found" };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { offset, run } = parseGroupSearchParams(await searchParams);
  await signedInActor();
  // Missing and out-of-scope groups look the same, as the API answers them.
  const found = await groupIdentity(id);
  const sessionId = found?.group.session_id;
  if (!found || !found.group.group_exists || !sessionId) {
    // A refused or missing group is recorded too (outcome not_found), as the API records it.
    if (found) await auditedPageRead(found.actor, getGroupEndpoint, detailRequest(id, offset), async () => found.group);
    notFound();
  }
  const { actor, group } = found;

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <GroupHeader name={group.group_name ?? "Untitled group"} sessionId={sessionId} createdAt={group.created_at} />
      <Suspense fallback={<GroupTotalsSkeleton />}>
        <Totals actor={actor} groupId={id} sessionId={sessionId} />
      </Suspense>
      <Suspense key={offset} fallback={<TableSkeleton rows={6} label="Loading runs" />}>
        <Runs actor={actor} groupId={id} offset={offset} openRunId={run} />
      </Suspense>
    </div>
  );
}

async function Totals({ actor, groupId, sessionId }: { actor: Actor; groupId: string; sessionId: string }) {
  // The groups list holds the totals over every run, without loading the group's runs twice.
  const totals = await groupTotals(actor, groupId, sessionId);
  return totals ? <GroupTotals totals={totals} /> : null;
}

async function Runs({ actor, groupId, offset, openRunId }: { actor: Actor; groupId: string; offset: number; openRunId?: string }) {
  const request = detailRequest(groupId, offset);
  const detail = await auditedPageRead(actor, getGroupEndpoint, request, () => getGroup(actor, request));
  if (!detail.group_exists) notFound();
  return <GroupTree initial={detail} limit={groupMessagePageSize} openRunId={openRunId} />;
}
