// The words people read for the API's enums (client-safe): one place for roles, access levels, user
// status and problem kinds, shared by every table, filter menu, chart and timeline.
import type { z } from "zod";
import type { accessLevel, taRole } from "@/lib/api/common-schemas";
import type { finishReasons } from "@/lib/groups/schemas";
import type { problemKind, problemSeverity } from "@/lib/problems/schemas";
import type { SessionStatus } from "@/lib/sessions/schemas";
import type { TokenScope } from "@/lib/tokens/schemas";
import type { UserStatus } from "@/lib/users/schemas";

export const taRoleLabels: Record<z.infer<typeof taRole>, string> = {
  head_ta: "Head TA",
  graduate_ta: "Graduate TA",
  undergraduate_ta: "Undergraduate TA",
};

export const accessLevelLabels: Record<z.infer<typeof accessLevel>, string> = {
  admin: "Admin",
  coordinator: "Coordinator",
  ta: "TA",
};

export const userStatusLabels: Record<UserStatus, string> = {
  active: "Active",
  invited: "Invited",
  disabled: "Disabled",
};

export const problemKindLabels: Record<z.infer<typeof problemKind>, string> = {
  ferpa_concern: "FERPA concern",
  inappropriate_response: "Inappropriate response",
  hallucination: "Hallucination",
  technical_error: "Technical error",
  persona_break: "Persona break",
};

export const problemSeverityLabels: Record<z.infer<typeof problemSeverity>, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const tokenScopeLabels: Record<TokenScope, string> = {
  read: "Read the API (as its profile may)",
  ingest: "Send data (ingest; admins only)",
};

/** A label from `labels`, or the raw value made readable when this build does not know it. */
function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value.replaceAll("_", " ");
}

/** A session's status as the dashboard says it, and what each means (lib/sessions/status.ts). */
export const sessionStatusLabels: Record<SessionStatus, { label: string; meaning: string }> = {
  active: { label: "Active", meaning: "Open, with recent activity" },
  idle: { label: "Idle", meaning: "Open, but no activity for a while" },
  completed: { label: "Completed", meaning: "Ended normally" },
  aborted: { label: "Aborted", meaning: "Broken off before the end" },
  expired: { label: "Expired", meaning: "Never ended, and no activity for a day or more" },
};

/** Why a run stopped, as a reader says it. */
export const finishReasonLabels: Record<(typeof finishReasons)[number], string> = {
  stop: "Completed",
  length: "Hit the token limit",
  tool_calls: "Called a tool",
  content_filter: "Content filter",
  error: "Error",
  cancelled: "Cancelled",
};

export const taRoleLabel = (role: string): string => labelOf(taRoleLabels, role);
export const problemKindLabel = (kind: string): string => labelOf(problemKindLabels, kind);
export const problemSeverityLabel = (severity: string): string => (problemSeverityLabels as Record<string, string>)[severity] ?? severity;
