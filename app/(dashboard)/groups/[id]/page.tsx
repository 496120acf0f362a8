import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { GroupHeader } from "@/components/groups/group-header";
import { GenerationProgress } from "@/components/live/generation-progress";
import { GroupTotals, GroupTotalsSkeleton } from "@/components/groups/group-totals";
import { GroupTree } from "@/components/groups/group-tree";
import type { Actor } from "@/lib/auth/actor";
import { browserActor, signedInActor } from "@/lib/auth/browser-actor";
import { getGroup, groupTotals } from "@/lib/groups/queries";
import type { GetGroupResponse } from "@/lib/groups/schemas";
import { groupMessagePageSize, isUuid, parseGroupSearchParams } from "@/lib/groups/search-params";
import type { RawSearchParams } from "@/lib/search-params";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}

/** What the page discloses: the same request /system/group answers, audited by getGroup as it is there. */
const detailRequest = (groupId: string, offset: number) => ({
  group_id: groupId,
  include_detail: true,
  message_limit: groupMessagePageSize,
  message_offset: offset,
});

// One read per view, shared by the title and the page: one audit row, whatever the group's size.
const readGroupPage = cache(async (id: string, offset: number) => {
  const actor = await browserActor();
  if (!actor || !isUuid(id)) return null;
  return { actor, group: await getGroup(actor, detailRequest(id, offset)) };
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const found = await readGroupPage((await params).id, parseGroupSearchParams(await searchParams).offset);
  return { title: (found?.group.group_exists && found.group.group_name) || "Group not found" };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { offset, run } = parseGroupSearchParams(await searchParams);
  await signedInActor();
  // Missing and out-of-scope groups look the same, as the API answers them (and are recorded as not_found).
  const found = await readGroupPage(id, offset);
  const sessionId = found?.group.session_id;
  if (!found || !found.group.group_exists || !sessionId) notFound();
  const { actor, group } = found;

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <GroupHeader name={group.group_name ?? "Untitled group"} sessionId={sessionId} createdAt={group.created_at} />
      {group.runs?.some(({ run }) => run.status === "running") ? <GenerationProgress groupId={id.toLowerCase()} /> : null}
      <Suspense fallback={<GroupTotalsSkeleton />}>
        <Totals actor={actor} group={group} />
      </Suspense>
      <GroupTree key={offset} initial={group} limit={groupMessagePageSize} openRunId={run} />
    </div>
  );
}

async function Totals({ actor, group }: { actor: Actor; group: GetGroupResponse }) {
  // The groups list holds the totals over every run, without loading the group's runs twice.
  const totals = await groupTotals(actor, group);
  return totals ? <GroupTotals totals={totals} /> : null;
}
