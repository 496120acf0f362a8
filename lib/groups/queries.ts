import "server-only";
import { pageInfo } from "@/lib/api/common-schemas";
import type { Actor } from "@/lib/auth/actor";
import { visibleGroups } from "@/lib/auth/scope";
import { prisma } from "@/lib/db";
import { formatMoney, groupDetail } from "./group-detail";
import { costByModel, costByMonth, countGroups, groupListRows, groupModels } from "./groups-sql";
import type { GetGroupRequest, GetGroupResponse, ListGroupsRequest, ListGroupsResponse, PricingRequest, PricingResponse } from "./schemas";

/** One group: identity only (cheap, for audit linking) or, with include_detail, the detail tree too. */
export async function getGroup(actor: Actor, body: GetGroupRequest): Promise<GetGroupResponse> {
  const group = await prisma.group.findFirst({
    where: { AND: [{ id: body.group_id }, visibleGroups(actor)] },
    select: { id: true, name: true, session_id: true, created_at: true, session: { select: { profile_id: true } } },
  });
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
    profile_id: group.session.profile_id,
    created_at: group.created_at.toISOString(),
  };
  if (!body.include_detail) return identity;
  return { ...identity, ...(await groupDetail({ id: group.id, owner_profile_id: group.session.profile_id }, body)) };
}

export async function listGroups(actor: Actor, body: ListGroupsRequest): Promise<ListGroupsResponse> {
  const [rows, totalCount] = await Promise.all([groupListRows(actor, body), countGroups(actor, body)]);
  const models = await groupModels(rows.map((row) => row.group_id));
  const modelsByGroup = new Map<string, Array<{ model_id: string; name: string }>>();
  for (const model of models) {
    const list = modelsByGroup.get(model.group_id) ?? [];
    list.push({ model_id: model.model_id, name: model.name });
    modelsByGroup.set(model.group_id, list);
  }
  return {
    items: rows.map((row) => {
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
        total_cost: formatMoney(row.total_cost),
        models: modelsByGroup.get(row.group_id) ?? [],
        first_run_at: row.first_run_at?.toISOString() ?? null,
        last_run_at: row.last_run_at?.toISOString() ?? null,
      };
    }),
    ...pageInfo(body.page, body.page_size, totalCount),
  };
}

/** The Pricing page: every model's price history plus the cost of the runs in the window. */
export async function getPricing(actor: Actor, body: PricingRequest): Promise<PricingResponse> {
  const [models, byModel, byMonth] = await Promise.all([
    prisma.model.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      include: { prices: { orderBy: { effective_from: "asc" } } },
    }),
    costByModel(actor, body),
    costByMonth(actor, body),
  ]);
  return {
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
      total_cost: formatMoney(row.total_cost),
      total_tokens: Number(row.total_tokens),
      run_count: row.run_count,
    })),
    cost_by_month: byMonth.map((row) => ({
      month: row.month,
      model_id: row.model_id,
      total_cost: formatMoney(row.total_cost),
      total_tokens: Number(row.total_tokens),
    })),
  };
}
