// Words for agents, shared by the Agents pages and the places that link to them (client-safe).
import type { AgentListItem } from "@/lib/agents/schemas";

export const agentKindLabels: Record<AgentListItem["kind"], string> = {
  student_persona: "Student persona",
  grader: "Grader",
  assistant: "Coach",
};

/** "2.5%"; "—" without runs. */
export function formatErrorRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${(rate * 100).toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;
}

export const agentLinkClass =
  "font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300";
