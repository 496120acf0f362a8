// Ingest events for who trains and what happened around the sessions (client-safe): departments,
// TA profiles, agents and their versions, tool calls, problems, sign-ins and emulations.
import { z } from "zod";
import { timestamp, uuid } from "@/lib/api/common-schemas";
import { decimal, eventId, name } from "./fields";

export const departmentEventSchema = z
  .strictObject({
    type: z.literal("department"),
    ...eventId,
    department_id: z
      .string({ error: "department_id must be a string" })
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: "department_id must be a slug of lower-case letters, digits and dashes, e.g. dept-cs" }),
    name: name("name"),
  })
  .meta({ id: "IngestDepartmentEvent", description: "Creates a department, or renames it" });

export const profileEventSchema = z
  .strictObject({
    type: z.literal("profile"),
    ...eventId,
    profile_id: uuid("profile_id"),
    name: name("name"),
    email: z.email({ error: "email must be an email address" }).max(320).toLowerCase(),
    department_id: z.string().max(63).nullable().optional().meta({ description: "An existing department (send its department event first)" }),
    ta_role: z.enum(["head_ta", "graduate_ta", "undergraduate_ta"]).nullable().optional(),
  })
  .meta({
    id: "IngestProfileEvent",
    description:
      "Creates a TA's profile, or updates its name, email, department or role. Admin and coordinator accounts are managed in Settings, never here.",
  });

export const agentEventSchema = z
  .strictObject({
    type: z.literal("agent"),
    ...eventId,
    agent_id: uuid("agent_id"),
    name: name("name"),
    kind: z.enum(["student_persona", "grader", "assistant"], { error: "kind must be student_persona, grader or assistant" }),
    description: z.string().max(2000).nullable().optional(),
    version: z
      .int({ error: "version must be a whole number" })
      .min(1, { error: "version starts at 1" })
      .max(1_000_000)
      .optional()
      .meta({ description: "Records this version of the agent with the fields below; a version once recorded does not change" }),
    prompt: z.string().max(100_000).nullable().optional().meta({ description: "The version's system prompt" }),
    model_id: uuid("model_id").nullable().optional().meta({ description: "The model the version is configured with (an existing model)" }),
    temperature: decimal("temperature", 3).nullable().optional().meta({ description: 'Sampling temperature, exact, e.g. "0.7"' }),
    change_note: z.string().max(2000).nullable().optional().meta({ description: "What changed from the version before" }),
    effective_at: timestamp
      .optional()
      .meta({ description: "When the version took effect (now when absent); runs after it use it unless they name one" }),
  })
  .superRefine((event, ctx) => {
    const versionFields = ["prompt", "model_id", "temperature", "change_note", "effective_at"] as const;
    for (const field of versionFields) {
      if (event.version === undefined && event[field] !== undefined)
        ctx.addIssue({ code: "custom", path: [field], message: `${field} needs version` });
    }
  })
  .meta({
    id: "IngestAgentEvent",
    description:
      "Creates an agent (a student persona, grader or coach) or updates its name, kind or description; with version, records that version: its prompt, model and temperature and what changed.",
  });

export const toolCallEventSchema = z
  .strictObject({
    type: z.literal("tool_call"),
    ...eventId,
    tool_call_id: uuid("tool_call_id"),
    message_id: uuid("message_id"),
    template_name: name("template_name"),
    file_path: z.string().max(1000).nullable().optional(),
    created_at: timestamp,
  })
  .meta({ id: "IngestToolCallEvent", description: "A tool the model called from a message. A tool call does not change once sent." });

export const problemEventSchema = z
  .strictObject({
    type: z.literal("problem"),
    ...eventId,
    problem_id: uuid("problem_id"),
    session_id: uuid("session_id"),
    group_id: uuid("group_id").nullable().optional(),
    run_id: uuid("run_id").nullable().optional(),
    kind: z.enum(["ferpa_concern", "inappropriate_response", "hallucination", "technical_error", "persona_break"]),
    severity: z.enum(["low", "medium", "high", "critical"]),
    description: z.string().trim().min(1).max(4000),
    flagged_at: timestamp,
    resolved_at: timestamp.nullable().optional().meta({ description: "Set when the sender resolved it; null re-opens it" }),
  })
  .meta({ id: "IngestProblemEvent", description: "Flags a problem on a session (optionally on one of its groups or runs), or resolves it" });

export const loginEventSchema = z
  .strictObject({
    type: z.literal("login"),
    ...eventId,
    login_id: uuid("login_id"),
    profile_id: uuid("profile_id").nullable().optional().meta({ description: "The account signed in to; null for an unknown email" }),
    email: z.string().trim().min(1).max(320),
    succeeded: z.boolean(),
    ip: z.string().max(100).nullable().optional(),
    user_agent: z.string().max(1000).nullable().optional(),
    created_at: timestamp,
  })
  .meta({ id: "IngestLoginEvent", description: "A sign-in to the Glow platform, successful or not. A login does not change once sent." });

export const emulationEventSchema = z
  .strictObject({
    type: z.literal("emulation"),
    ...eventId,
    emulation_id: uuid("emulation_id"),
    admin_id: uuid("admin_id").meta({ description: "The admin who viewed the platform as the TA" }),
    target_profile_id: uuid("target_profile_id"),
    reason: z.string().max(1000).nullable().optional(),
    started_at: timestamp,
    ended_at: timestamp.nullable().optional(),
  })
  .meta({ id: "IngestEmulationEvent", description: "An admin viewing the platform as a TA; a later event may end it" });

export type DepartmentEvent = z.infer<typeof departmentEventSchema>;
export type AgentEvent = z.infer<typeof agentEventSchema>;
export type ProfileEvent = z.infer<typeof profileEventSchema>;
export type ToolCallEvent = z.infer<typeof toolCallEventSchema>;
export type ProblemEvent = z.infer<typeof problemEventSchema>;
export type LoginEvent = z.infer<typeof loginEventSchema>;
export type EmulationEvent = z.infer<typeof emulationEventSchema>;
