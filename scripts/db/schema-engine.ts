// Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter, so that
// migrations work offline without the native engine.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(repoRoot, "prisma/schema.prisma");

const noFilters = { externalTables: [], externalEnums: [] };

type Engine = Awaited<ReturnType<typeof engineBindings.SchemaEngine.new>>;

let engineLoaded: Promise<typeof engineBindings.SchemaEngine> | undefined;

/**
 * The package's entry imports its .wasm as an ES module, which Node only allows behind
 * --experimental-wasm-modules (and test runners not at all); instantiating the module ourselves
 * with the package's own JS bindings works everywhere.
 */
function loadSchemaEngine(): Promise<typeof engineBindings.SchemaEngine> {
  engineLoaded ??= (async () => {
    // The engine reports a Rust panic through this global before trapping; keep the message.
    const registry = {
      message: "",
      set_message(message: string) {
        registry.message = message;
        console.error(`schema engine panic: ${message}`);
      },
    };
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof registry }).PRISMA_WASM_PANIC_REGISTRY = registry;
    const bindingsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": engineBindings });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return engineBindings.SchemaEngine;
  })();
  return engineLoaded;
}

export async function withSchemaEngine<T>(connectionString: string, run: (engine: Engine) => Promise<T>): Promise<T> {
  const datamodel = await readFile(schemaPath, "utf8");
  // Our own pool, so it can be closed: otherwise idle connections keep the process alive.
  const pool = adaptCatalogQueries(new pg.Pool({ connectionString, max: 2 }));
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const SchemaEngine = await loadSchemaEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    // The engine reports progress as JSON log lines; only warnings and errors matter to us.
    (line: string) => {
      if (/"level":"(WARN|ERROR)"/.test(line)) console.error(line);
    },
    adapterFactory,
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { name: string; dataTypeID: number }[]; rows?: unknown[] };

/**
 * Two gaps between this engine build and the pg adapter / newer servers, closed where the rows
 * pass by:
 * - the engine describes a database through catalog queries returning Postgres' one-byte `"char"`
 *   columns (pg_class.relkind and the like), which the adapter refuses as an unsupported type; pg
 *   already hands those values over as strings, so reporting them as text is exact;
 * - PostgreSQL 18 lists NOT NULL constraints in pg_constraint (type 'n'), which the describer
 *   cannot read; they carry nothing the column's own nullability does not, and dropping them gives
 *   exactly what PostgreSQL 17 and older return;
 * - constraint triggers (type 't', the summaries' deferred cleanup) are triggers, which a Prisma
 *   schema does not describe, but the describer panics on their pg_constraint row.
 */
function adaptCatalogResult(result: unknown): unknown {
  const { fields = [], rows } = (result ?? {}) as QueryResultLike;
  for (const field of fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  const constraintType = fields.findIndex((field) => field.name === "constraint_type");
  if (constraintType >= 0 && Array.isArray(rows)) {
    const kept = rows.filter((row) => {
      const value = Array.isArray(row) ? row[constraintType] : (row as Record<string, unknown>).constraint_type;
      return value !== "n" && value !== "t";
    });
    rows.splice(0, rows.length, ...kept);
  }
  return result;
}

function adaptCatalogQueries(pool: pg.Pool): pg.Pool {
  const wrap = (target: pg.Pool | pg.PoolClient) => {
    const query = target.query.bind(target) as (...args: unknown[]) => unknown;
    target.query = ((...args: unknown[]) => {
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(adaptCatalogResult) : pending;
    }) as typeof target.query;
  };
  wrap(pool);
  pool.on("connect", wrap);
  return pool;
}

/**
 * The SQL that would bring the live database at `connectionString` to the Prisma schema; an empty
 * string when they match. Used to write the next migration and to detect drift.
 */
export async function diffDatabaseToSchema(connectionString: string, datamodel?: string): Promise<string> {
  const target = datamodel ?? (await readFile(schemaPath, "utf8"));
  const stdout = await withSchemaEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files: [{ path: schemaPath, content: target }], configDir: repoRoot },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: target }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
  return stdout.replace(/^-- This is an empty migration\.\s*$/m, "").trim();
}
