import { defineEndpoint } from "@/lib/contract/endpoint";
import { accessHistoryRequestSchema, listAuditRequestSchema, listAuditResponseSchema } from "./schemas";

export const listAuditEndpoint = defineEndpoint({
  command: "audit list",
  path: "/system/audit",
  summary: "List the audit log (paginated)",
  description:
    'Audit rows newest first, filterable by actor_id, on_behalf_of_id (emulated TA), action (exact, or a prefix ending in a dot such as "session."), target_type, target_id, request_id and a created_at window (date_from, date_to). facets lists every action and target type Glow records, for filter choices.',
  tag: "Access",
  body: listAuditRequestSchema,
  response: listAuditResponseSchema,
  access: ["admin"],
});

export const accessHistoryEndpoint = defineEndpoint({
  command: "audit access-history",
  path: "/system/audit/access_history",
  summary: "Export one person's full access history as CSV",
  description:
    "A CSV, oldest first, of every audit row that touched the person's records (their profile, sessions, groups, problems, uploads and API tokens), every row done on their behalf during an emulation, every row of their own, and their sign-ins; the column relation says which (accessed_their_record, on_their_behalf, by_them, login). Times are UTC ISO 8601; cells a spreadsheet would run as a formula get a leading apostrophe. purpose is required; the export is recorded in the audit log (audit.access_history_export, with the purpose) before it is sent. An unknown profile_id answers 404.",
  tag: "Access",
  body: accessHistoryRequestSchema,
  response: null,
  binary: {
    contentType: "text/csv",
    description: 'The CSV (UTF-8, CRLF; Content-Disposition: attachment; filename="glow-access-history-….csv")',
    ranges: false,
  },
  access: ["admin"],
});
