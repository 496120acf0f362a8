import { defineEndpoint } from "@/lib/contract/endpoint";
import { exportRequestSchema } from "./schemas";

export const exportEndpoint = defineEndpoint({
  command: "export",
  path: "/system/export",
  summary: "Export activity data as a ZIP of CSV and JSONL files",
  description:
    "Streams a ZIP as it is written: one CSV and one JSONL file per entity (profiles, sessions, chats, attempts, groups, runs, messages, uploads, tool_calls, problems, logins, emulations, grants, as far as they apply to the target), media files when include_media is true, and manifest.json last with the actor, filters, purpose and per-file row counts and SHA-256. CSV cells that a spreadsheet would run as a formula get a leading apostrophe. A missing or out-of-scope target is a 404. Without a target, department_ids outside what you may see are left out rather than refused: the manifest's scope says so, and the response carries the header Glow-Export-Scope-Narrowed: departments_outside_scope=<ids, comma-separated>. Every export is recorded in the audit log before it starts, with its filters, purpose and row counts (an export of everything takes them from the kept per-session summaries and leaves uploads and tool calls to the manifest, so the first byte does not wait for a count of every message).",
  tag: "Export",
  body: exportRequestSchema,
  response: null,
  binary: {
    contentType: "application/zip",
    description: 'The ZIP archive (Content-Disposition: attachment; filename="glow-export-….zip"); chunked, no Content-Length',
    ranges: false,
  },
  access: ["admin", "coordinator", "ta"],
});
