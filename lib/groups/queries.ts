import "server-only";
import { auditedRecordRead } from "@/lib/audit/audited-read";
import { auditListRead } from "@/lib/audit/list-read";
import { profileSetIds, profileSetSql, summarySource } from "@/lib/auth/profile-set";
import { pageInfo } from "@/lib/api/common-schemas";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { fetchListPage } from "@/lib/summaries/list-page";
import type { Grain } from "@/lib/summaries/window";
import { decimalString } from "@/lib/format/decimal";
import { getGroupEndpoint } from "./endpoints";
import { groupDetail } from "./group-detail";
import { costByModel, costByMonth, countGroups, groupListRows } from "./groups-sql";
import type { GetGroupRequest, GetGroupResponse, ListGroupsRequest, ListGroupsResponse, PricingRequest, PricingResponse } from "./schemas";

/** One group: identity only (cheap, for audit linking) or, with include_detail, the detail tree too. Audited here. */
export function getGroup(actor: Actor, body: GetGroupRequest): Promise<GetGroupResponse> {
  return auditedRecordRead(actor, getGroupEndpoint, body, () => readGroup(actor, body));
}

async function readGroup(actor: Actor, body: GetGroupRequest): Promise<GetGroupResponse> {
  // One statement, not Prisma's two (the group, then its session): the lean lookup is the hot path.
  const [group] = await prisma.$queryRaw<Array<{ id: string; name: string; session_id: string; created_at: Date; profile_id: string }>>`
    SELECT g.id::text AS id, g.name, g.session_id::text AS session_id, g.created_at, s.profile_id::text AS profile_id
    FROM groups g JOIN sessions s ON s.id = g.session_id JOIN profiles p ON p.id = s.profile_id
    WHERE g.id = ${body.group_id}::uuid AND ${profileSetSql(actor, {}, "p")}`;
  if (!group) {
    // Missing and out of scope answer alike, so a caller cannot probe for other departments' groups.
    return {
      group_exists: false,
      actor_name: actor.name,
      group_id: body.group_id,
      group_name: null,
      session_id: null,
      profile_id: null,
      created_at: null,
    };
  }
  const identity = {
    group_exists: true,
    actor_name: actor.name,
    group_id: group.id,
    group_name: group.name,
    session_id: group.session_id,
    profile_id: group.profile_id,
    created_at: group.created_at.toISOString(),
  };
  if (!body.include_detail) return identity;
  return { ...identity, ...(await groupDetail({ id: group.id, owner_profile_id: group.profile_id }, body)) };
}

/** One audit row per call: the filters and the people shown (lib/audit/list-read.ts). */
export async function listGroups(actor: Actor, body: ListGroupsRequest): Promise<ListGroupsResponse> {
  const answer = await listGroupsUnaudited(actor, body);
  await auditListRead(
    actor,
    "groups.list",
    body,
    answer.items.map((item) => item.profile_id),
  );
  return answer;
}

async function listGroupsUnaudited(actor: Actor, body: ListGroupsRequest): Promise<ListGroupsResponse> {
  const dataAsOf = new Date().toISOString();
  const [profileIds, summary] = await Promise.all([profileSetIds(actor, body), summarySource(actor, body)]);
  // A page number past the first needs the total first: the back half is read from the far end.
  const deep = body.cursor === undefined && body.page > 1;
  const counted = countGroups(profileIds, summary, body);
  const total = deep ? await counted : null;
  const [page, totalCount] = await Promise.all([
    fetchListPage(body, total && !total.estimate ? total.count : null, (fetch) => groupListRows(profileIds, body, fetch)),
    counted,
  ]);
  return {
    items: page.rows.map((row) => {
      const input = Number(row.input_tokens);
      const output = Number(row.output_tokens);
      return {
        group_id: row.group_id,
        group_name: row.group_name,
        session_id: row.session_id,
        profile_id: row.profile_id,
        profile_name: row.profile_name,
        department_id: row.department_id,
        created_at: row.created_at.toISOString(),
        run_count: row.run_count,
        input_tokens: input,
        output_tokens: output,
        cached_input_tokens: Number(row.cached_input_tokens),
        total_tokens: input + output,
        total_cost: decimalString(row.total_cost),
        models: row.models,
        first_run_at: row.first_run_at?.toISOString() ?? null,
        last_run_at: row.last_run_at?.toISOString() ?? null,
      };
    }),
    ...pageInfo(body.page, body.page_size, totalCount.count),
    next_cursor: page.next_cursor,
    prev_cursor: page.prev_cursor,
    total_count_is_estimate: totalCount.estimate,
    data_as_of: dataAsOf,
  };
}

/**
 * One group's totals for its own page. Not a list read: the page has already recorded its group.read
 * of this group, and one page view should leave one row.
 */
/** The totals of a group the caller has read through getGroup (whose audit row covers them). */
export async function groupTotals(actor: Actor, group: GetGroupResponse): Promise<ListGroupsResponse["items"][number] | null> {
  if (!group.group_exists || !group.session_id) return null;
  // A session has a handful of groups, so one page of them finds this one.
  const list = await listGroupsUnaudited(actor, { session_id: group.session_id, page: 1, page_size: 200, sort_by: "created_at", sort_order: "asc" });
  return list.items.find((item) => item.group_id === group.group_id) ?? null;
}

/** The Pricing page: every model's price history plus the cost of the runs in the window. */
export async function getPricing(actor: Actor, body: PricingRequest, coarsest: Grain = "month"): Promise<PricingResponse> {
  const dataAsOf = new Date().toISOString();
  const source = await summarySource(actor, body);
  const [models, byModel, byMonth] = await Promise.all([
    prisma.model.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      include: { prices: { orderBy: { effective_from: "asc" } } },
    }),
    costByModel(source, body, coarsest),
    costByMonth(source, body, coarsest),
  ]);
  return {
    data_as_of: dataAsOf,
    models: models.map((model) => ({
      model_id: model.id,
      name: model.name,
      provider: model.provider,
      prices: model.prices.map((price) => ({
        effective_from: price.effective_from.toISOString(),
        input_per_million: price.input_per_million.toFixed(),
        cached_input_per_million: price.cached_input_per_million.toFixed(),
        output_per_million: price.output_per_million.toFixed(),
        currency: price.currency,
      })),
    })),
    cost_by_model: byModel.map((row) => ({
      model_id: row.model_id,
      name: row.name,
      total_cost: decimalString(row.total_cost),
      total_tokens: Number(row.total_tokens),
      run_count: row.run_count,
    })),
    cost_by_month: byMonth.map((row) => ({
      month: row.month,
      model_id: row.model_id,
      total_cost: decimalString(row.total_cost),
      total_tokens: Number(row.total_tokens),
    })),
  };
}
