// Every kind of audit row Glow writes. A closed list, so a typo cannot invent a new action and the
// audit page's filters can offer them all without scanning the log.
export const auditActions = [
  "session.read",
  "group.read",
  "group.resolve",
  "upload.read",
  "export",
  "problem.resolve",
  "problem.reopen",
  "emulation.start",
  "emulation.end",
  "user.create",
  "user.update",
  "user.invite",
  "user.accept_invite",
  "token.create",
  "token.revoke",
  "audit.access_history_export",
  "request.refused",
  "sessions.list",
  "groups.list",
  "problems.list",
  "activity.read",
  "ingest.batch",
  "watch.open",
  "ingest.upload",
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What an audit row is about; "all" is an export of everything the caller may see. */
export const auditTargetTypes = ["session", "group", "upload", "problem", "profile", "api_token", "all", "request", "list", "ingest"] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

/** What an audited read or a refused request came to; only `allowed` disclosed anything. */
export const auditOutcomes = ["allowed", "not_found", "denied"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];
