// Each bench case's work done inside the bench process, so its SQL can be captured: API cases call
// the very route handler Next.js runs (authentication and the audit row included); page cases call
// the query functions the page renders from, as the signed-in admin.
import type { BenchCase, Caller } from "./cases.ts";
import type { BenchWorld } from "./fixtures.ts";

type Handler = (request: Request) => Promise<Response>;

export async function inProcessRunner(world: BenchWorld, baseUrl: string): Promise<(bench: BenchCase) => Promise<void>> {
  const handlers: Record<string, Handler> = {
    "/system/sessions": (await import("@/app/system/sessions/route")).POST,
    "/system/session": (await import("@/app/system/session/route")).POST,
    "/system/activity": (await import("@/app/system/activity/route")).POST,
    "/system/dashboard": (await import("@/app/system/dashboard/route")).POST,
    "/system/pricing": (await import("@/app/system/pricing/route")).POST,
    "/system/groups": (await import("@/app/system/groups/route")).POST,
    "/system/group": (await import("@/app/system/group/route")).POST,
    "/system/agents": (await import("@/app/system/agents/route")).POST,
    "/system/agent": (await import("@/app/system/agent/route")).POST,
  };
  const tokens: Record<Exclude<Caller, "browser">, string> = { admin: world.admin.token, coordinator: world.coordinator.token, ta: world.ta.token };
  const pages = await pageWork(world);

  return async (bench) => {
    if (bench.caller === "browser") {
      const work = pages(bench.path);
      if (!work) throw new Error(`no in-process equivalent for the page ${bench.path}`);
      await work();
      return;
    }
    const handler = handlers[bench.path];
    if (!handler) throw new Error(`no route handler for ${bench.path}`);
    const response = await handler(
      new Request(`${baseUrl}${bench.path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens[bench.caller]}`, "content-type": "application/json" },
        body: JSON.stringify(bench.body ?? {}),
      }),
    );
    await response.arrayBuffer();
  };
}

/** The data calls of each page (signed-in overhead aside), keyed by the page's path and query. */
async function pageWork(world: BenchWorld): Promise<(path: string) => (() => Promise<unknown>) | null> {
  const { loadActor } = await import("@/lib/auth/load-actor");
  const { getAnalytics, getActivity } = await import("@/lib/activity/queries");
  const { getFilterFacets } = await import("@/lib/facets/queries");
  const { getDashboard } = await import("@/lib/dashboard/queries");
  const { dashboardRequestFromParams, parseDashboardSearchParams } = await import("@/lib/dashboard/search-params");
  const { activityRequestFromParams, parseActivitySearchParams } = await import("@/lib/activity/search-params");
  const { listSessions, getSessionDetail } = await import("@/lib/sessions/queries");
  const { parseSessionSearchParams, toListSessionsRequest } = await import("@/lib/sessions/search-params");
  const { getGroup, getPricing, groupTotals, listGroups } = await import("@/lib/groups/queries");
  const { parsePricingSearchParams, toListGroupsRequest, toPricingRequest, groupMessagePageSize } = await import("@/lib/groups/search-params");
  const { listProblems } = await import("@/lib/problems/queries");
  const { parseProblemSearchParams, toListProblemsRequest } = await import("@/lib/problems/search-params");
  const actor = await loadActor(world.admin.profile_id);
  if (!actor) throw new Error("the bench admin cannot be loaded");
  // The group page: one audited detail read, then the group's totals from the groups list.
  const group = async (id: string) => {
    const detail = await getGroup(actor, { group_id: id, include_detail: true, message_limit: groupMessagePageSize, message_offset: 0 });
    await groupTotals(actor, detail);
  };

  return (path) => {
    const [pathname, query = ""] = path.split("?");
    const raw = Object.fromEntries(new URLSearchParams(query));
    switch (pathname) {
      case "/":
        return () => Promise.all([getAnalytics(actor), getDashboard(actor, dashboardRequestFromParams(parseDashboardSearchParams(raw)))]);
      case "/activity":
        return () => Promise.all([getAnalytics(actor), getActivity(actor, activityRequestFromParams(parseActivitySearchParams(raw)))]);
      case "/sessions":
        return () => Promise.all([getFilterFacets(actor), listSessions(actor, toListSessionsRequest(parseSessionSearchParams(raw)))]);
      case "/pricing": {
        const params = parsePricingSearchParams(raw);
        return () =>
          Promise.all([getPricing(actor, toPricingRequest(params)), getFilterFacets(actor), listGroups(actor, toListGroupsRequest(params))]);
      }
      case "/problems": {
        const params = parseProblemSearchParams(raw);
        const count = (status: "open" | "resolved") =>
          listProblems(actor, { ...toListProblemsRequest({ ...params, status }), page: 1, page_size: 1 });
        return () => Promise.all([count("open"), count("resolved"), getFilterFacets(actor), listProblems(actor, toListProblemsRequest(params))]);
      }
      default:
        if (pathname === `/sessions/${world.sessionId}`) return () => getSessionDetail(actor, { session_id: world.sessionId });
        if (pathname === `/groups/${world.groupId}`) return () => group(world.groupId);
        if (world.longGroupId && pathname === `/groups/${world.longGroupId}`) return () => group(world.longGroupId!);
        return null;
    }
  };
}
