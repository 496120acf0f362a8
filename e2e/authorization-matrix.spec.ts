// The authorization matrix: every endpoint of lib/contract/endpoints.ts and every page, asked by
// every kind of caller about an object of department A and one of department B, over real HTTP.
// An endpoint without rows here and a probe in e2e/support/authorization-probes.ts fails its test,
// so a new endpoint cannot slip past the matrix.
//
// Callers: anonymous (no credential), revoked (a revoked API token; for pages a browser whose
// sign-in was revoked), ta (TA A, the owner of every A object), coord_a / coord_b (coordinators of
// department A / B), admin (API token), admin_web (an admin's browser cookie), emulating (another
// admin's browser, emulating TA A).
//
// Outcomes: 401/403/404 are statuses. `ok` is a 2xx where the object is there (in the list, or
// *_exists: true); `hidden` is a 200 where it is not (absent from the list, or *_exists: false).
// Wherever an out-of-scope object is hidden or 404, the answer must also equal, byte for byte
// (after the id), the answer for an id that does not exist at all.
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { endpoints } from "@/lib/contract/endpoints";
import { expect, test } from "./fixtures";
import { createAuthorizationWorld, startEmulating, type AuthorizationWorld, type Side } from "./support/authorization-world";
import { matrixProbes, type Body, type Probe } from "./support/authorization-probes";
import { parseMatrix, type MatrixRow } from "./support/matrix-table";

const apiCallers = ["anonymous", "revoked", "ta", "coord_a", "coord_b", "admin", "admin_web", "emulating"] as const;
type ApiCaller = (typeof apiCallers)[number];

const apiMatrix = `
path                         object anonymous revoked ta      coord_a coord_b admin admin_web emulating
/system/activity             A      401       401     ok      ok      hidden  ok    ok        ok
/system/activity             B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/dashboard            A      401       401     ok      ok      hidden  ok    ok        ok
/system/dashboard            B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/follow_up            A      401       401     ok      ok      hidden  ok    ok        ok
/system/follow_up            B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/sessions             A      401       401     ok      ok      hidden  ok    ok        ok
/system/sessions             B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/session              A      401       401     ok      ok      hidden  ok    ok        ok
/system/session              B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/group                A      401       401     ok      ok      hidden  ok    ok        ok
/system/group                B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/groups               A      401       401     ok      ok      hidden  ok    ok        ok
/system/groups               B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/pricing              A      401       401     ok      ok      hidden  ok    ok        ok
/system/pricing              B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/agents               A      401       401     ok      ok      hidden  ok    ok        ok
/system/agents               B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/agent                A      401       401     ok      ok      hidden  ok    ok        ok
/system/agent                B      401       401     hidden  hidden  ok      ok    ok        hidden
/system/audio_download       A      401       401     ok      ok      404     ok    ok        ok
/system/audio_download       B      401       401     404     404     ok      ok    ok        404
/system/image_download       A      401       401     ok      ok      404     ok    ok        ok
/system/image_download       B      401       401     404     404     ok      ok    ok        404
/system/video_download       A      401       401     ok      ok      404     ok    ok        ok
/system/video_download       B      401       401     404     404     ok      ok    ok        404
/system/file_download        A      401       401     ok      ok      404     ok    ok        ok
/system/file_download        B      401       401     404     404     ok      ok    ok        404
/system/text_download        A      401       401     ok      ok      404     ok    ok        ok
/system/text_download        B      401       401     404     404     ok      ok    ok        404
/system/export               A      401       401     ok      ok      404     ok    ok        ok
/system/export               B      401       401     404     404     ok      ok    ok        404
/system/refresh              -      401       401     403     403     403     ok    ok        403
/system/problems             A      401       401     ok      ok      hidden  ok    ok        ok
/system/problems             B      401       401     hidden  hidden  ok      ok    ok        hidden
/activity/resolve            A      401       401     403     ok      404     ok    ok        403
/activity/resolve            B      401       401     403     404     ok      ok    ok        403
/system/emulation/start      A      401       401     403     403     403     403   ok        403
/system/emulation/start      B      401       401     403     403     403     403   ok        403
/system/emulation/end        -      401       401     404     404     404     404   404       ok
/system/users                A      401       401     403     403     403     ok    ok        403
/system/users                B      401       401     403     403     403     ok    ok        403
/system/users/create         -      401       401     403     403     403     ok    ok        403
/system/users/update         A      401       401     403     403     403     ok    ok        403
/system/users/update         B      401       401     403     403     403     ok    ok        403
/system/users/invite         A      401       401     403     403     403     ok    ok        403
/system/users/invite         B      401       401     403     403     403     ok    ok        403
/system/tokens               A      401       401     403     403     403     ok    ok        403
/system/tokens               B      401       401     403     403     403     ok    ok        403
/system/tokens/create        A      401       401     403     403     403     ok    ok        403
/system/tokens/create        B      401       401     403     403     403     ok    ok        403
/system/tokens/revoke        A      401       401     403     403     403     ok    ok        403
/system/tokens/revoke        B      401       401     403     403     403     ok    ok        403
/system/audit                -      401       401     403     403     403     ok    ok        403
/system/audit/access_history A      401       401     403     403     403     ok    ok        403
/system/audit/access_history B      401       401     403     403     403     ok    ok        403
/ingest/batch                -      401       401     403     403     403     403   403       403
/system/watch                -      401       401     ok      ok      ok      ok    ok        ok
/ingest/upload               -      401       401     403     403     403     403   403       403
/ingest/otlp/v1/traces       -      401       401     403     403     403     403   403       403
`;

type Outcome = "ok" | "hidden" | "401" | "403" | "404";
type ApiRow = MatrixRow<ApiCaller, Outcome> & { path: string };

function spareName(profileId: string): string {
  const spare = [world.A.spare, world.B.spare].find((user) => user.profile_id === profileId);
  return spare?.name ?? "Matrix Missing";
}

const probes = matrixProbes(spareName);

const apiRows: ApiRow[] = parseMatrix<ApiCaller, Outcome>(apiMatrix, apiCallers).map((row) => ({ ...row, path: row.subject }));

// Pages: a redirect to /login, the not-found page, or the page itself with (`shown`) or without
// (`hidden`) the object's data; `page` is a page about no object in particular.
const pageCallers = ["anonymous", "revoked", "ta", "coord_a", "coord_b", "admin", "emulating"] as const;
type PageCaller = (typeof pageCallers)[number];
type PageOutcome = "login" | "notfound" | "page" | "shown" | "hidden";

const pageMatrix = `
page                        object anonymous revoked ta       coord_a  coord_b  admin    emulating
/                           -      login     login   page     page     page     page     page
/activity                   -      login     login   page     page     page     page     page
/sessions                   -      login     login   page     page     page     page     page
/pricing                    -      login     login   page     page     page     page     page
/problems                   -      login     login   page     page     page     page     page
/agents                     -      login     login   page     page     page     page     page
/api-docs                   -      page      page    page     page     page     page     page
/sessions?profile_id=:ta    A      login     login   shown    shown    hidden   shown    shown
/sessions?profile_id=:ta    B      login     login   hidden   hidden   shown    shown    hidden
/sessions/:session          A      login     login   shown    shown    notfound shown    shown
/sessions/:session          B      login     login   notfound notfound shown    shown    notfound
/groups/:group              A      login     login   shown    shown    notfound shown    shown
/groups/:group              B      login     login   notfound notfound shown    shown    notfound
/pricing?profile_id=:ta     A      login     login   shown    shown    hidden   shown    shown
/pricing?profile_id=:ta     B      login     login   hidden   hidden   shown    shown    hidden
/problems?profile_id=:ta    A      login     login   shown    shown    hidden   shown    shown
/problems?profile_id=:ta    B      login     login   hidden   hidden   shown    shown    hidden
/agents/:agent              A      login     login   shown    shown    hidden   shown    shown
/agents/:agent              B      login     login   hidden   hidden   shown    shown    hidden
/settings/users             -      login     login   notfound notfound notfound page     notfound
/settings/tokens            -      login     login   notfound notfound notfound page     notfound
/settings/audit             -      login     login   notfound notfound notfound page     notfound
`;

const pageRows = parseMatrix<PageCaller, PageOutcome>(pageMatrix, pageCallers).map((row) => ({ ...row, page: row.subject }));

/** What only the object's own page or row would show: never part of the URL that asks for it. */
function pageMarker(page: string, side: Side): string {
  if (page.startsWith("/sessions") || page.startsWith("/agents")) return side.session_title;
  if (page.startsWith("/groups") || page.startsWith("/pricing")) return side.group_name;
  return side.problem_description;
}

const pageUrl = (page: string, side: Side | null) =>
  side
    ? page.replace(":ta", side.ta.profile_id).replace(":session", side.session_id).replace(":group", side.group_id).replace(":agent", side.agent_id)
    : page;

let world: AuthorizationWorld;
let plain: APIRequestContext;

// One world for the whole file: the tests run in order in one worker and only read it (the two
// emulation rows that change state put it back).
test.describe.configure({ mode: "default", timeout: 120_000 });
// The request contexts outlive each test; tracing them per test only trips over itself.
test.use({ trace: "off" });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets use.baseURL");
  world = await createAuthorizationWorld(playwright, baseURL);
  plain = await playwright.request.newContext({ baseURL });
});

test.afterAll(async () => {
  await world?.dispose();
  await plain?.dispose();
});

interface Answer {
  status: number;
  text: string;
}

async function send(caller: ApiCaller, method: "POST" | "GET", path: string, body: Body): Promise<Answer> {
  const bearer: Partial<Record<ApiCaller, string>> = {
    revoked: world.revokedToken,
    ta: world.A.ta.token,
    coord_a: world.A.coordinator.token,
    coord_b: world.B.coordinator.token,
    admin: world.admin.token,
  };
  const context = caller === "admin_web" ? world.adminWeb : caller === "emulating" ? world.emulating : plain;
  const token = bearer[caller];
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const once = async (): Promise<Answer> => {
    const response =
      method === "GET"
        ? await context.get(path, { headers, params: body as Record<string, string>, maxRedirects: 0 })
        : await context.post(path, { headers, data: body, maxRedirects: 0 });
    return { status: response.status(), text: (await response.body()).toString("utf8") };
  };
  try {
    return await once();
  } catch (error) {
    // A request sent on a keep-alive socket the server is closing is lost; send it once more.
    if (!String(error).includes("ECONNRESET")) throw error;
    return once();
  }
}

function outcomeOf(probe: Probe, answer: Answer, side: Side | null): Outcome | string {
  if (answer.status < 200 || answer.status >= 300) return String(answer.status);
  if (probe.kind === "filter" && side) return probe.shows(answer.text, side) ? "ok" : "hidden";
  if (probe.kind === "id" && probe.shows) return probe.shows(JSON.parse(answer.text) as Record<string, unknown>) ? "ok" : "hidden";
  return "ok";
}

/** Puts back what a state-changing row changed, so every other row sees the same world. */
async function restore(path: string, caller: ApiCaller, answer: Answer): Promise<void> {
  if (answer.status !== 200) return;
  if (path === "/system/emulation/start") {
    const ended = await send(caller, "POST", "/system/emulation/end", {});
    if (ended.status !== 200) throw new Error(`could not end the emulation just started: ${ended.status} ${ended.text}`);
  }
  if (path === "/system/emulation/end" && caller === "emulating") await startEmulating(world.emulating, world.A.ta.profile_id);
}

const snippet = (answer: Answer) => (answer.text.startsWith("PK") ? "<zip>" : answer.text.slice(0, 160));

test("the matrix has rows and a probe for every endpoint, and nothing else", () => {
  const paths: string[] = endpoints.map((endpoint) => endpoint.path);
  const unknown = [...new Set(apiRows.map((row) => row.path))].filter((path) => !paths.includes(path));
  expect(unknown, "matrix rows for endpoints that do not exist").toEqual([]);
  expect(
    Object.keys(probes).filter((path) => !paths.includes(path)),
    "probes for endpoints that do not exist",
  ).toEqual([]);
  const missing = endpoints.filter((endpoint) => !apiRows.some((row) => row.path === endpoint.path) || !probes[endpoint.path]);
  expect(
    missing.map((endpoint) => endpoint.command),
    "endpoints without matrix rows or probe",
  ).toEqual([]);
  for (const endpoint of endpoints) {
    const objects = apiRows.filter((row) => row.path === endpoint.path).map((row) => row.object);
    const wanted = probes[endpoint.path]?.kind === "none" ? ["-"] : ["A", "B"];
    expect(objects.sort(), `objects of ${endpoint.command}`).toEqual(wanted);
  }
});

test("the matrix agrees with what the contract declares", () => {
  for (const endpoint of endpoints) {
    for (const row of apiRows.filter((r) => r.path === endpoint.path)) {
      const where = `${endpoint.command} on ${row.object}`;
      expect([row.expected.anonymous, row.expected.revoked], `${where}: no credential, no access`).toEqual(["401", "401"]);
      if (endpoint.mutates) expect(row.expected.emulating, `${where} changes data: refused while emulating`).toBe("403");
      if (!endpoint.access.includes("ta")) expect(row.expected.ta, `${where} is not for TAs`).toBe("403");
      if (!endpoint.access.includes("coordinator")) {
        expect([row.expected.coord_a, row.expected.coord_b], `${where} is not for coordinators`).toEqual(["403", "403"]);
      }
    }
  }
});

for (const endpoint of endpoints) {
  test(`API ${endpoint.command} (${endpoint.path})`, async () => {
    const rows = apiRows.filter((row) => row.path === endpoint.path);
    const probe = probes[endpoint.path];
    expect(rows.length > 0 && probe !== undefined, `${endpoint.command} needs rows in the matrix and a probe`).toBe(true);
    if (!probe) return;
    const failures: string[] = [];
    const methods: ("POST" | "GET")[] = endpoint.alsoGet ? ["POST", "GET"] : ["POST"];
    for (const row of rows) {
      const side = row.object === "-" ? null : world[row.object];
      for (const caller of apiCallers) {
        for (const method of methods) {
          const id = probe.kind === "id" && side ? probe.id(side) : null;
          const body = probe.kind === "none" ? probe.body() : probe.kind === "filter" ? probe.body(side as Side) : probe.body(id ?? "");
          const answer = await send(caller, method, endpoint.path, body);
          await restore(endpoint.path, caller, answer);
          const got = outcomeOf(probe, answer, side);
          const expected = row.expected[caller];
          const where = `${endpoint.command} ${method} ${endpoint.path} as ${caller} on ${row.object}`;
          if (got !== expected) {
            failures.push(`${where}: expected ${expected}, got ${got} (${answer.status} ${snippet(answer)})`);
            continue;
          }
          // Out of scope must look exactly like missing: same status, same body (the id aside).
          if (probe.kind === "id" && id && (expected === "hidden" || expected === "404")) {
            const missingId = randomUUID();
            const missing = await send(caller, method, endpoint.path, probe.body(missingId));
            const same = missing.status === answer.status && missing.text.replaceAll(missingId, "<id>") === answer.text.replaceAll(id, "<id>");
            if (!same)
              failures.push(`${where}: answers unlike a missing id: ${answer.status} ${snippet(answer)} vs ${missing.status} ${snippet(missing)}`);
          }
        }
      }
    }
    expect(failures, `unexpected answers:\n${failures.join("\n")}`).toEqual([]);
  });
}

async function openPage(caller: PageCaller, url: string): Promise<{ status: number; location: string; html: string }> {
  const contexts: Record<PageCaller, APIRequestContext> = {
    anonymous: plain,
    revoked: world.staleWeb,
    ta: world.web.ta,
    coord_a: world.web.coord_a,
    coord_b: world.web.coord_b,
    admin: world.web.admin,
    emulating: world.emulating,
  };
  const response = await contexts[caller].get(url, { maxRedirects: 0 });
  return { status: response.status(), location: response.headers().location ?? "", html: await response.text() };
}

// The not-found page streams with status 200 (the shell is already sent), so it is told by a
// marker: the tag Next.js puts in the head when notFound() ran before streaming began, or the
// digest it streams when notFound() ran inside a Suspense boundary (a page with loading.tsx). The
// text is no sign: every page's RSC payload carries its segment's not-found fallback.
const notFoundMarkers = ['<meta name="next-error" content="not-found"/>', "NEXT_HTTP_ERROR_FALLBACK;404"];

test("pages", async () => {
  test.setTimeout(300_000);
  const failures: string[] = [];
  for (const row of pageRows) {
    const side = row.object === "-" ? null : world[row.object];
    const url = pageUrl(row.page, side);
    // The callers of a row in parallel: a dev server renders each page in a second or two.
    const pages = await Promise.all(pageCallers.map((caller) => openPage(caller, url)));
    for (const [i, caller] of pageCallers.entries()) {
      const expected = row.expected[caller];
      const page = pages[i] as Awaited<ReturnType<typeof openPage>>;
      let got: string;
      if (page.status >= 300 && page.status < 400)
        got = new URL(page.location, "http://x").pathname === "/login" ? "login" : `redirect ${page.location}`;
      else if (page.status === 404 || notFoundMarkers.some((marker) => page.html.includes(marker))) got = "notfound";
      else if (page.status !== 200) got = String(page.status);
      else if (side) got = page.html.includes(pageMarker(row.page, side)) ? "shown" : "hidden";
      else got = "page";
      if (got !== expected) failures.push(`page ${url} (${row.page} on ${row.object}) as ${caller}: expected ${expected}, got ${got}`);
    }
  }
  expect(failures, `unexpected pages:\n${failures.join("\n")}`).toEqual([]);
});
