// Words for people for the problem enums (client-safe), shared by the problems page and the timeline.
import type { z } from "zod";
import type { problemKind, problemSeverity } from "./schemas";

type ProblemKind = z.infer<typeof problemKind>;
type ProblemSeverity = z.infer<typeof problemSeverity>;

export const problemKindLabels: Record<ProblemKind, string> = {
  ferpa_concern: "FERPA concern",
  inappropriate_response: "Inappropriate response",
  hallucination: "Hallucination",
  technical_error: "Technical error",
  persona_break: "Persona break",
};

export const problemSeverityLabels: Record<ProblemSeverity, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

/** The label of a kind, or the raw value when it is one this build does not know. */
export function problemKindLabel(kind: string): string {
  return (problemKindLabels as Record<string, string>)[kind] ?? kind.replaceAll("_", " ");
}

export function problemSeverityLabel(severity: string): string {
  return (problemSeverityLabels as Record<string, string>)[severity] ?? severity;
}
