// Whether an error means "PostgreSQL cannot be reached right now" (down, restarting, refusing
// connections, or the connection dropped), as opposed to a bug or bad input. Those are answered
// 503 with Retry-After: the client should simply try again in a moment.

// What Prisma's pg adapter reports (DriverAdapterError cause kinds) and what pg and Node raise.
const unavailableKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// SQLSTATE class 08 (connection exceptions), 57P01-57P03 (shutdown, crash, starting up), 53300 (too many connections).
const unavailableSqlStates = /^(08\w{3}|57P0[123]|53300)$/;
const unavailableNodeCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "P1001", "P1002", "P1017"]);
// "not queryable": pg's answer to the next statement (a transaction's COMMIT) on a connection that
// was cut; "timeout exceeded": pg-pool waiting for a connection while the server restarts.
const unavailableMessages =
  /Connection terminated|connection timeout|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|Can't reach database server|encountered a connection error and is not queryable|timeout exceeded when trying to connect/i;

export const retryAfterSeconds = 5;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const record = error as Record<string, unknown>;
  if (typeof record.kind === "string" && unavailableKinds.has(record.kind)) return true;
  if (record.kind === "postgres" && typeof record.code === "string" && unavailableSqlStates.test(record.code)) return true;
  if (typeof record.code === "string" && (unavailableNodeCodes.has(record.code) || unavailableSqlStates.test(record.code))) return true;
  if (record.name === "PrismaClientInitializationError") return true;
  if (typeof record.message === "string" && unavailableMessages.test(record.message)) return true;
  const meta = record.meta as Record<string, unknown> | undefined;
  const nested = [record.cause, meta?.driverAdapterError, ...(Array.isArray(record.errors) ? record.errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
