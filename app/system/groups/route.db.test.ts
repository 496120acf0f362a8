import { beforeAll, describe, expect, it } from "vitest";
import { errorResponseSchema } from "@/lib/api/errors";
import { groupSortKeys, listGroupsResponse, pricingResponse, type GroupListItem, type ListGroupsResponse } from "@/lib/groups/schemas";
import { mediaStore } from "@/lib/storage/media-store";
import { sumDecimals } from "@/lib/format/decimal";
import { uniqueToken } from "@/prisma/factories/ids";
import { createAgent, createModelWithPrices } from "@/prisma/factories/models";
import { createDepartment } from "@/prisma/factories/people";
import { createGroupWithRuns, createSession, type RunRow, type RunSpec } from "@/prisma/factories/sessions";
import { callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { POST as pricingPost } from "../pricing/route";
import { POST } from "./route";

const day = (iso: string) => new Date(`${iso}Z`);
/** "0.0012345000" → "0.0012345", as the API writes exact amounts. */
const plain = (decimal: string) => (decimal.includes(".") ? decimal.replace(/0+$/, "").replace(/\.$/, "") : decimal);
const sum = (values: readonly string[]) => plain(sumDecimals(values.length ? values : ["0"]));

let admin: TestActor;
let coordinatorX: TestActor;
let coordinatorY: TestActor;
let x1: TestActor;
let x2: TestActor;
let deptX: string;
let deptY: string;
let modelA: { id: string; name: string };
let modelB: { id: string; name: string };
const groups: Record<string, { id: string; session_id: string; runs: RunRow[] }> = {};
const sessions: Record<string, { id: string; profile_id: string }> = {};

async function list(body: Record<string, unknown>, actor: TestActor = admin): Promise<ListGroupsResponse> {
  return listGroupsResponse.parse(await callJson(POST, "/system/groups", body, { token: actor.token }));
}

beforeAll(async () => {
  deptX = (await createDepartment(db())).id;
  deptY = (await createDepartment(db())).id;
  const token = uniqueToken();
  admin = await createActor("admin");
  coordinatorX = await createActor("coordinator", { department_id: deptX });
  coordinatorY = await createActor("coordinator", { department_id: deptY });
  x1 = await createActor("ta", { department_id: deptX, name: `Avery ${token}` });
  x2 = await createActor("ta", { department_id: deptX, name: `Blake ${token}` });
  const y1 = await createActor("ta", { department_id: deptY, name: `Casey ${token}` });
  await db().profile.update({ where: { id: x1.profile_id }, data: { ta_role: "graduate_ta" } });
  await db().profile.update({ where: { id: x2.profile_id }, data: { ta_role: "head_ta" } });

  modelA = (await createModelWithPrices(db(), { name: `alpha-${token}` })).model;
  modelB = (
    await createModelWithPrices(db(), { name: `beta-${token}` }, [
      { effective_from: day("2000-01-01T00:00:00"), input_per_million: "1.00", cached_input_per_million: "0.50", output_per_million: "4.00" },
      { effective_from: day("2025-02-01T00:00:00"), input_per_million: "2.00", cached_input_per_million: "1.00", output_per_million: "8.00" },
    ])
  ).model;
  const agent = await createAgent(db());

  for (const [key, owner] of [
    ["x1", x1],
    ["x2", x2],
    ["y1", y1],
  ] as const) {
    sessions[key] = (await createSession(db(), owner.profile_id, { created_at: day("2025-01-01T00:00:00") })).session;
  }
  const run = (created_at: string, model_id: string, input_tokens: number, output_tokens: number, cached_input_tokens = 0): RunSpec => ({
    created_at: day(created_at),
    model_id,
    input_tokens,
    output_tokens,
    cached_input_tokens,
    messages: [],
  });
  const make = async (key: string, session: string, name: string, created_at: string, runs: RunSpec[]) => {
    const made = await createGroupWithRuns(db(), mediaStore(), {
      session: sessions[session] ?? { id: "", profile_id: "" },
      name,
      created_at: day(created_at),
      model_id: modelA.id,
      agent_id: agent.id,
      runs,
    });
    groups[key] = { id: made.group.id, session_id: made.group.session_id, runs: made.runs };
  };
  await make("g1", "x1", "Group b", "2025-01-10T00:00:00", [
    run("2025-01-10T01:00:00", modelA.id, 1000, 200, 400),
    run("2025-01-11T00:00:00", modelA.id, 3000, 100),
  ]);
  await make("g2", "x1", "Group a", "2025-02-10T00:00:00", [
    run("2025-02-10T01:00:00", modelB.id, 5000, 500, 1000),
    run("2025-03-05T00:00:00", modelA.id, 700, 70),
  ]);
  await make("g3", "x2", "Group c", "2025-03-10T12:00:00", []);
  await make("g4", "x2", "Group c", "2025-03-10T12:00:00", [run("2025-03-11T00:00:00", modelA.id, 900, 90)]);
  await make("g5", "x2", "Group d", "2025-01-10T00:00:00", [run("2025-03-11T00:00:00", modelA.id, 900, 90)]);
  await make("g6", "x1", "Group e", "2025-04-01T00:00:00", []);
  await make("gy", "y1", "Group y", "2025-02-15T00:00:00", [run("2025-02-15T01:00:00", modelA.id, 100, 10)]);
});

function expectedItem(key: string): Partial<GroupListItem> {
  const group = groups[key];
  if (!group) throw new Error(key);
  const runs = group.runs;
  const times = runs.map((r) => r.created_at.getTime()).sort((a, b) => a - b);
  const input = runs.reduce((n, r) => n + r.input_tokens, 0);
  const output = runs.reduce((n, r) => n + r.output_tokens, 0);
  const models = [modelA, modelB].filter((m) => runs.some((r) => r.model_id === m.id)).map((m) => ({ model_id: m.id, name: m.name }));
  return {
    group_id: group.id,
    session_id: group.session_id,
    run_count: runs.length,
    input_tokens: input,
    output_tokens: output,
    cached_input_tokens: runs.reduce((n, r) => n + r.cached_input_tokens, 0),
    total_tokens: input + output,
    total_cost: sum(runs.map((r) => r.cost)),
    models,
    first_run_at: times.length ? new Date(times[0] ?? 0).toISOString() : null,
    // The span ends where the last run ended (its start while it is still going).
    last_run_at: runs.length ? new Date(Math.max(...runs.map((r) => (r.finished_at ?? r.created_at).getTime()))).toISOString() : null,
  };
}

const keysOf = (answer: ListGroupsResponse) => answer.items.map((item) => Object.entries(groups).find(([, g]) => g.id === item.group_id)?.[0]);

describe("POST /system/groups", () => {
  it("lists a department's groups with exact totals, newest run first", async () => {
    const answer = await list({ department_ids: [deptX] });
    expect(answer.total_count).toBe(6);
    expect(answer).toMatchObject({ page: 1, page_size: 25, total_pages: 1 });
    for (const item of answer.items) {
      const key = keysOf({ ...answer, items: [item] })[0] ?? "";
      expect(item).toMatchObject(expectedItem(key));
      expect(item.department_id).toBe(deptX);
    }
    const g1 = answer.items.find((i) => i.group_id === groups.g1?.id);
    expect(g1).toMatchObject({ group_name: "Group b", profile_id: x1.profile_id, profile_name: x1.name, created_at: "2025-01-10T00:00:00.000Z" });
    // last_run_at desc; g4 and g5 tie (same instant) → group_id desc; groups without runs last.
    const [tieHigh, tieLow] = [groups.g4?.id ?? "", groups.g5?.id ?? ""].sort().reverse();
    const [nullHigh, nullLow] = [groups.g3?.id ?? "", groups.g6?.id ?? ""].sort().reverse();
    expect(answer.items.map((i) => i.group_id)).toEqual([tieHigh, tieLow, groups.g2?.id, groups.g1?.id, nullHigh, nullLow]);
  });

  it("treats an empty department_ids as no filter", async () => {
    expect((await list({ department_ids: [] }, coordinatorX)).total_count).toBe(6);
  });

  it.each<[string, () => Record<string, unknown>, string[]]>([
    ["department Y", () => ({ department_ids: [deptY] }), ["gy"]],
    ["date window on created_at", () => ({ department_ids: [deptX], date_from: "2025-02-01", date_to: "2025-03-10" }), ["g2", "g3", "g4"]],
    ["date_from only", () => ({ department_ids: [deptX], date_from: "2025-03-10T12:00:00.001Z" }), ["g6"]],
    ["model B", () => ({ department_ids: [deptX], model_ids: [modelB.id] }), ["g2"]],
    ["model A", () => ({ department_ids: [deptX], model_ids: [modelA.id] }), ["g1", "g2", "g4", "g5"]],
    ["profile", () => ({ profile_id: x2.profile_id }), ["g3", "g4", "g5"]],
    ["session", () => ({ session_id: sessions.x1?.id }), ["g1", "g2", "g6"]],
    ["role", () => ({ department_ids: [deptX], roles: ["head_ta"] }), ["g3", "g4", "g5"]],
  ])("filters by %s", async (_name, body, expected) => {
    const answer = await list(body());
    expect(new Set(keysOf(answer))).toEqual(new Set(expected));
    expect(answer.total_count).toBe(expected.length);
  });

  it("scopes coordinators and TAs", async () => {
    expect(new Set(keysOf(await list({}, coordinatorX)))).toEqual(new Set(["g1", "g2", "g3", "g4", "g5", "g6"]));
    expect(keysOf(await list({}, coordinatorY))).toEqual(["gy"]);
    expect(new Set(keysOf(await list({}, x1)))).toEqual(new Set(["g1", "g2", "g6"]));
    expect((await list({ department_ids: [deptY] }, coordinatorX)).total_count).toBe(0);
  });

  it("pages: full page, last partial page, page beyond the end", async () => {
    const all = (await list({ department_ids: [deptX], page_size: 200 })).items.map((i) => i.group_id);
    const first = await list({ department_ids: [deptX], page_size: 4 });
    const last = await list({ department_ids: [deptX], page_size: 4, page: 2 });
    const beyond = await list({ department_ids: [deptX], page_size: 4, page: 3 });
    expect(first).toMatchObject({ page: 1, page_size: 4, total_count: 6, total_pages: 2 });
    expect(last).toMatchObject({ page: 2, total_count: 6, total_pages: 2 });
    expect(beyond).toMatchObject({ items: [], page: 3, total_count: 6, total_pages: 2 });
    expect([...first.items, ...last.items].map((i) => i.group_id)).toEqual(all);
  });

  const sortValue = (item: GroupListItem, key: (typeof groupSortKeys)[number]) => item[key];

  for (const sort_by of groupSortKeys) {
    for (const sort_order of ["asc", "desc"] as const) {
      it(`sorts by ${sort_by} ${sort_order}, stably across pages`, async () => {
        const body = { department_ids: [deptX], sort_by, sort_order };
        const full = (await list({ ...body, page_size: 200 })).items;
        const paged: GroupListItem[] = [];
        for (let page = 1; page <= 7; page++) paged.push(...(await list({ ...body, page_size: 1, page })).items);
        expect(paged.map((i) => i.group_id)).toEqual(full.map((i) => i.group_id));
        expect(full).toHaveLength(6);
        const sign = sort_order === "asc" ? 1 : -1;
        for (let i = 1; i < full.length; i++) {
          const [a, b] = [full[i - 1], full[i]] as [GroupListItem, GroupListItem];
          const [va, vb] = [sortValue(a, sort_by), sortValue(b, sort_by)];
          if (va === null || vb === null) {
            expect(vb).toBeNull(); // nulls last, both ways
            if (va === null) expect(sign * a.group_id.localeCompare(b.group_id)).toBeLessThan(0);
            continue;
          }
          const compare = sort_by === "total_cost" ? Number(va) - Number(vb) : va < vb ? -1 : va > vb ? 1 : 0;
          if (compare === 0) expect(sign * a.group_id.localeCompare(b.group_id)).toBeLessThan(0);
          else expect(sign * compare).toBeLessThan(0);
        }
      });
    }
  }

  it.each([
    [{ sort_by: "cost" }, "sort_by"],
    [{ sort_order: "up" }, "sort_order"],
    [{ page_size: 0 }, "page_size"],
    [{ page_size: 201 }, "page_size"],
    [{ page: 0 }, "page"],
    [{ page: "2" }, "page"],
    [{ model_ids: ["x"] }, "model_ids.0"],
    [{ profile_id: "nope" }, "profile_id"],
    [{ date_from: "2025-03-01", date_to: "2025-02-01" }, "date_from"],
    [{ date_from: "yesterday" }, "date_from"],
    [{ colour: "red" }, "colour"],
  ])("400 for %j", async (body, field) => {
    const answer = errorResponseSchema.parse(await callJson(POST, "/system/groups", body, { token: admin.token, expectedStatus: 400 }));
    expect(answer.error.issues?.map((i) => i.field)).toContain(field);
  });

  it("401 without a token", async () => {
    await callJson(POST, "/system/groups", {}, { expectedStatus: 401 });
  });
});

describe("POST /system/pricing", () => {
  const pricing = async (body: Record<string, unknown>, actor: TestActor = admin) =>
    pricingResponse.parse(await callJson(pricingPost, "/system/pricing", body, { token: actor.token }));
  const runsOf = (keys: string[]) => keys.flatMap((key) => groups[key]?.runs ?? []);

  it("agrees with the group totals", async () => {
    const [byGroups, priced] = [await list({ department_ids: [deptX], page_size: 200 }), await pricing({ department_ids: [deptX] })];
    expect(sum(priced.cost_by_model.map((m) => m.total_cost))).toBe(sum(byGroups.items.map((g) => g.total_cost)));
    expect(priced.cost_by_model.reduce((n, m) => n + m.total_tokens, 0)).toBe(byGroups.items.reduce((n, g) => n + g.total_tokens, 0));
    expect(priced.cost_by_model.reduce((n, m) => n + m.run_count, 0)).toBe(byGroups.items.reduce((n, g) => n + g.run_count, 0));
    expect(sum(priced.cost_by_month.map((m) => m.total_cost))).toBe(sum(byGroups.items.map((g) => g.total_cost)));
    // Models are the global catalogue (other test files add some concurrently): compare the costs.
    const scoped = await pricing({}, coordinatorX);
    expect([scoped.cost_by_model, scoped.cost_by_month]).toEqual([priced.cost_by_model, priced.cost_by_month]);
  });

  it("breaks cost down by model and by month", async () => {
    const priced = await pricing({ department_ids: [deptX] });
    const xRuns = runsOf(["g1", "g2", "g3", "g4", "g5", "g6"]);
    const forModel = (id: string) => xRuns.filter((r) => r.model_id === id);
    expect(priced.cost_by_model).toEqual(
      [modelA, modelB]
        .map((m) => ({
          model_id: m.id,
          name: m.name,
          total_cost: sum(forModel(m.id).map((r) => r.cost)),
          total_tokens: forModel(m.id).reduce((n, r) => n + r.input_tokens + r.output_tokens, 0),
          run_count: forModel(m.id).length,
        }))
        .sort((a, b) => Number(b.total_cost) - Number(a.total_cost)),
    );
    const months = priced.cost_by_month.map((m) => `${m.month} ${m.model_id === modelA.id ? "A" : "B"}`);
    expect(months).toEqual(["2025-01 A", "2025-02 B", "2025-03 A"]);
    const march = priced.cost_by_month[2];
    const marchRuns = xRuns.filter((r) => r.created_at.toISOString().startsWith("2025-03"));
    expect(march?.total_cost).toBe(sum(marchRuns.map((r) => r.cost)));
  });

  it("windows on the runs' created_at", async () => {
    const priced = await pricing({ department_ids: [deptX], date_from: "2025-03-01", date_to: "2025-03-31" });
    const marchRuns = runsOf(["g2", "g4", "g5"]).filter((r) => r.created_at >= day("2025-03-01T00:00:00"));
    expect(priced.cost_by_model).toEqual([
      {
        model_id: modelA.id,
        name: modelA.name,
        total_cost: sum(marchRuns.map((r) => r.cost)),
        total_tokens: marchRuns.reduce((n, r) => n + r.input_tokens + r.output_tokens, 0),
        run_count: 3,
      },
    ]);
  });

  it("lists every model's price history with exact prices", async () => {
    const priced = await pricing({}, coordinatorY);
    expect(priced.models.find((m) => m.model_id === modelB.id)).toEqual({
      model_id: modelB.id,
      name: modelB.name,
      provider: "test",
      prices: [
        {
          effective_from: "2000-01-01T00:00:00.000Z",
          input_per_million: "1",
          cached_input_per_million: "0.5",
          output_per_million: "4",
          currency: "USD",
        },
        {
          effective_from: "2025-02-01T00:00:00.000Z",
          input_per_million: "2",
          cached_input_per_million: "1",
          output_per_million: "8",
          currency: "USD",
        },
      ],
    });
    // A coordinator of Y prices only Y's runs.
    expect(priced.cost_by_model).toEqual([
      { model_id: modelA.id, name: modelA.name, total_cost: sum(runsOf(["gy"]).map((r) => r.cost)), total_tokens: 110, run_count: 1 },
    ]);
  });

  it("400 for an unknown field and a reversed window", async () => {
    await callJson(pricingPost, "/system/pricing", { model_ids: [] }, { token: admin.token, expectedStatus: 400 });
    await callJson(pricingPost, "/system/pricing", { date_from: "2025-02-02", date_to: "2025-02-01" }, { token: admin.token, expectedStatus: 400 });
    await callJson(pricingPost, "/system/pricing", {}, { expectedStatus: 401 });
  });
});
