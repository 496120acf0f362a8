// The database role the app connects as: not a superuser, owner of nothing, and on the audit log
// only INSERT and SELECT. So the running app cannot rewrite its own audit trail: no UPDATE, DELETE
// or TRUNCATE, no `ALTER TABLE … DISABLE TRIGGER` (owners only) and no
// `SET session_replication_role` (superusers only). Migrations and the seed run as the owner.
import pg from "pg";

/** Creates `role` (LOGIN, nothing more) when missing and sets its password. */
export async function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const exists = await client.query("select 1 from pg_roles where rolname = $1", [role]);
    const name = pg.escapeIdentifier(role);
    const quotedPassword = client.escapeLiteral(password);
    if (exists.rowCount === 0) {
      await client.query(`create role ${name} login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password ${quotedPassword}`);
    } else {
      await client.query(`alter role ${name} login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password ${quotedPassword}`);
    }
  });
}

/**
 * What the app may do in the owner's database: read and write its tables, except that the audit log
 * takes only INSERT and SELECT. Run after every migration, so new tables are covered.
 */
export async function grantAppAccess(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const name = pg.escapeIdentifier(role);
    const database = pg.escapeIdentifier(decodeURIComponent(new URL(ownerUrl).pathname.slice(1)));
    await client.query("begin");
    await client.query(`grant connect, temporary on database ${database} to ${name}`);
    await client.query(`grant usage on schema public to ${name}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${name}`);
    await client.query(`grant usage, select on all sequences in schema public to ${name}`);
    await client.query(`grant execute on all functions in schema public to ${name}`);
    await client.query(`revoke update, delete, truncate, references, trigger on audit_logs from ${name}`);
    // The migration history is the owner's business.
    await client.query(`revoke all on _prisma_migrations from ${name}`);
    await client.query("commit");
  });
}

export function withRole(url: string, role: string, password: string): string {
  const next = new URL(url);
  next.username = role;
  next.password = password;
  return next.toString();
}

async function withClient(url: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
