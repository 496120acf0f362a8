// The answers read from the summaries equal today's live aggregation exactly: on random data and
// random filters (whole days, whole months and windows that start and end at any instant), every
// activity, dashboard and pricing answer equals the one computed from the base tables alone, and
// the lists' totals equal a count of the matching rows.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { getActivity } from "@/lib/activity/queries";
import { getDashboard } from "@/lib/dashboard/queries";
import { getPricing, listGroups } from "@/lib/groups/queries";
import { listSessions } from "@/lib/sessions/queries";
import { dateWindow } from "@/lib/api/common-schemas";
import type { TaRole } from "@/lib/generated/prisma/enums";
import { createActor, db } from "@/tests/api-helpers";
import { createAgent, createModelWithPrices } from "@/prisma/factories/models.ts";
import { createDepartment, createProfile } from "@/prisma/factories/people.ts";
import { applyWrites, op, T0, type WriteContext } from "./testing/random-writes";

const hour = 3_600_000;
const roles: TaRole[] = ["head_ta", "graduate_ta", "undergraduate_ta"];
let coordinator: Actor;
let admin: Actor;
let departmentId = "";
let ctx: WriteContext;

beforeAll(async () => {
  const d = db();
  const department = await createDepartment(d);
  departmentId = department.id;
  const profiles = await Promise.all(roles.map((ta_role) => createProfile(d, { department_id: department.id, ta_role })));
  const prices = [
    {
      effective_from: new Date("2000-01-01T00:00:00Z"),
      input_per_million: "3.123457",
      cached_input_per_million: "0.5",
      output_per_million: "11.000003",
    },
  ];
  ctx = {
    profiles,
    // Moves stay inside the department the coordinator sees, so the comparisons keep their rows.
    departmentIds: [department.id],
    adminId: (await createProfile(d, { access_level: "admin" })).id,
    models: [(await createModelWithPrices(d, {}, prices)).model.id, (await createModelWithPrices(d, {}, prices)).model.id],
    agentId: (await createAgent(d)).id,
  };
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 60, maxLength: 60 }), (ops) => applyWrites(ctx, ops)),
    { seed: 2026_11, numRuns: 1 },
  );
  coordinator = (await loadActor((await createActor("coordinator", { department_id: department.id })).profile_id))!;
  admin = (await loadActor((await createActor("admin")).profile_id))!;
}, 120_000);

// A bound: a bare day, or an instant (on the hour, or at an odd minute) within the data's days.
const bound = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((d) => new Date(T0 + d * 24 * hour).toISOString().slice(0, 10)),
  fc.integer({ min: -60, max: 60 }).map((h) => new Date(T0 + h * hour).toISOString()),
  fc.integer({ min: -3000, max: 3000 }).map((m) => new Date(T0 + m * 60_000 + 13_000).toISOString()),
);
const filters = fc
  .record({
    from: fc.option(bound, { nil: undefined }),
    to: fc.option(bound, { nil: undefined }),
    roles: fc.subarray(roles),
    as_admin: fc.boolean(),
  })
  .filter(({ from, to }) => {
    if (!from || !to) return true;
    const w = dateWindow({ date_from: from, date_to: to });
    return w.from! < w.toExclusive!;
  });

// Only what is summed: the models' price lists and the filter facets list every model and
// department in the database, which tests running alongside keep adding to.
const activityCounts = ({ analytics: _facets, data_as_of: _at, ...counts }: Awaited<ReturnType<typeof getActivity>>) => counts;
const pricingCosts = ({ cost_by_model, cost_by_month }: Awaited<ReturnType<typeof getPricing>>) => ({ cost_by_model, cost_by_month });
const withoutTime = <T extends { data_as_of: string }>(answer: T) => ({ ...answer, data_as_of: "" });

describe("answers from the summaries", () => {
  it("equal the live aggregation of the base tables for any window, role and scope", async () => {
    await fc.assert(
      fc.asyncProperty(filters, async (f) => {
        const actor = f.as_admin ? admin : coordinator;
        const body = { date_from: f.from, date_to: f.to, roles: f.roles, department_ids: [departmentId] };
        expect(activityCounts(await getActivity(actor, body, "month"))).toEqual(activityCounts(await getActivity(actor, body, "live")));
        expect(pricingCosts(await getPricing(actor, body, "month"))).toEqual(pricingCosts(await getPricing(actor, body, "live")));
        const now = new Date(T0 + 3 * 24 * hour);
        if (f.from && f.to) {
          expect(withoutTime(await getDashboard(actor, body, now, "month"))).toEqual(withoutTime(await getDashboard(actor, body, now, "live")));
        }
      }),
      { seed: 4_2026, numRuns: 40 },
    );
  }, 240_000);

  it("count the lists exactly, for every filter the lists offer", async () => {
    await fc.assert(
      fc.asyncProperty(filters, fc.option(fc.boolean(), { nil: undefined }), fc.nat(2), async (f, active, who) => {
        const profile_id = who < ctx.profiles.length && f.as_admin ? ctx.profiles[who]!.id : undefined;
        const body = { date_from: f.from, date_to: f.to, roles: f.roles, department_ids: [departmentId] };
        const window = dateWindow(body);
        const created = { gte: window.from, lt: window.toExclusive };
        const owner = {
          department_id: departmentId,
          ...(f.roles.length ? { ta_role: { in: f.roles } } : {}),
          ...(profile_id ? { id: profile_id } : {}),
        };
        const sessions = await listSessions(coordinator, {
          ...body,
          active,
          profile_id,
          page: 1,
          page_size: 5,
          sort_by: "total_cost",
          sort_order: "desc",
        });
        expect(sessions.total_count).toBe(await db().session.count({ where: { created_at: created, active, profile: owner } }));
        const groups = await listGroups(coordinator, { ...body, profile_id, page: 1, page_size: 5, sort_by: "last_run_at", sort_order: "desc" });
        expect(groups.total_count).toBe(await db().group.count({ where: { created_at: created, session: { profile: owner } } }));
        expect(groups.total_count_is_estimate).toBe(false);
      }),
      { seed: 5_2026, numRuns: 40 },
    );
  }, 240_000);
});
