// The app's role cannot rewrite the audit log by any route (issue 10, item 5). Before, the app
// connected as a superuser owning audit_logs: `ALTER TABLE … DISABLE TRIGGER` or
// `SET session_replication_role = replica`, then DELETE or UPDATE, rewrote the trail.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAppRole, grantAppAccess, withRole } from "./app-role.ts";

const ownerUrl = process.env.DATABASE_URL ?? "";
const role = `glow_app_test_${randomUUID().slice(0, 8)}`;
const password = randomUUID();
let app: pg.Client;
let auditId: string;

beforeAll(async () => {
  await ensureAppRole(ownerUrl, role, password);
  await grantAppAccess(ownerUrl, role);
  app = new pg.Client({ connectionString: withRole(ownerUrl, role, password) });
  await app.connect();
});

afterAll(async () => {
  await app.end();
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query(`drop owned by ${pg.escapeIdentifier(role)}`);
  await owner.query(`drop role ${pg.escapeIdentifier(role)}`);
  await owner.end();
});

async function refused(sql: string): Promise<string> {
  const error = await app.query(sql).then(
    () => null,
    (cause: unknown) => cause as { code?: string; message?: string },
  );
  expect(error, `${sql} should have been refused`).not.toBeNull();
  return `${error?.code} ${error?.message}`;
}

describe("the app's database role", () => {
  it("does the app's work: writes the audit log and reads it, and writes tables whose triggers keep the summaries", async () => {
    auditId = randomUUID();
    await app.query("insert into audit_logs (id, action, target_type) values ($1, 'session.read', 'session')", [auditId]);
    expect((await app.query("select count(*)::int as n from audit_logs where id = $1", [auditId])).rows[0]).toEqual({ n: 1 });
    const profile = randomUUID();
    await app.query("insert into profiles (id, name, email, access_level, updated_at) values ($1, 'Role test', $2, 'ta', now())", [
      profile,
      `${profile}@test.glow.example`,
    ]);
    const session = randomUUID();
    await app.query("insert into sessions (id, profile_id) values ($1, $2)", [session, profile]);
    expect((await app.query("select count(*)::int as n from session_stats where session_id = $1", [session])).rows[0]).toEqual({ n: 1 });
  });

  it.each([
    ["UPDATE", `update audit_logs set action = 'nothing' where true`],
    ["DELETE", `delete from audit_logs where true`],
    ["TRUNCATE", `truncate audit_logs`],
    ["disabling the append-only trigger", `alter table audit_logs disable trigger all`],
    ["replica mode, which skips triggers", `set session_replication_role = replica`],
    ["dropping the table", `drop table audit_logs`],
    ["dropping the append-only function", `drop function audit_logs_append_only() cascade`],
    ["rewriting the migration history", `delete from _prisma_migrations`],
  ])("refuses %s", async (_, sql) => {
    expect(await refused(sql)).toMatch(/^42501 |must be owner|permission denied/);
  });

  it("keeps the planner's statistics through the owner's glow_analyze, as /system/refresh does", async () => {
    const lastAnalyze = async () =>
      (await app.query("select last_analyze from pg_stat_user_tables where relname = 'session_stats'")).rows[0]?.last_analyze as Date | null;
    const before = await lastAnalyze();
    await app.query("select glow_analyze('session_stats')");
    // The statistics collector reports with a short delay.
    await expect.poll(lastAnalyze, { timeout: 5_000 }).not.toEqual(before);
  });

  it("cannot grant itself more: the grant gives nothing, and UPDATE stays refused", async () => {
    await app.query("grant update, delete on audit_logs to current_user");
    expect(await refused(`update audit_logs set action = 'nothing' where true`)).toMatch(/^42501 /);
  });

  it("left the audit row untouched", async () => {
    expect((await app.query("select action from audit_logs where id = $1", [auditId])).rows).toEqual([{ action: "session.read" }]);
  });
});
