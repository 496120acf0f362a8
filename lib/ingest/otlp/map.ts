// OpenTelemetry GenAI spans → Glow ingest events (no database here: what must be looked up is
// passed in). The mapping, documented in the README:
//   session  glow.session.id, else session.id, else gen_ai.conversation.id (a UUID is used as is;
//            any other string names the same session every time, through a name-based UUID)
//   TA       glow.profile.id, else user.id (a profile's UUID): needed only to start a new session
//   group    one per trace (or glow.group.id); named glow.group.name, else "Trace <id>"
//   run      each inference span (gen_ai.operation.name chat, text_completion or generate_content):
//            model gen_ai.request.model (else gen_ai.response.model), agent gen_ai.agent.name (else
//            the resource's service.name), tokens gen_ai.usage.input_tokens / output_tokens /
//            cache_read.input_tokens, start and end from the span, failed when its status is ERROR
//   messages gen_ai.system_instructions, gen_ai.input.messages, gen_ai.output.messages, in order;
//            text parts become the message's text, tool_call parts its tool calls
// Every id is derived from the trace and span ids, so an exporter that sends a span again changes nothing.
import { v5 as uuidv5 } from "uuid";
import type { EventFields, IngestEventType } from "@/lib/ingest/client";
import type { FinishReason } from "@/lib/ingest/schemas";
import { anyValueSchema, type OtlpSpan, type OtlpTraceRequest } from "./schemas";

// The namespace of Glow's name-based ids (a fixed, random UUID).
const glowNamespace = "7c1f6a52-3d0e-4b8e-9a41-2f5d8c6b9e10";
export const nameBasedId = (name: string) => uuidv5(name, glowNamespace);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const inferenceOperations = new Set(["chat", "text_completion", "generate_content"]);

type Attributes = Map<string, unknown>;

/** An AnyValue as plain JavaScript; nested values are checked as they are reached. */
function plain(raw: unknown): unknown {
  const parsed = anyValueSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const value = parsed.data;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  if (value.kvlistValue) return Object.fromEntries((value.kvlistValue.values ?? []).map((kv) => [kv.key, plain(kv.value)]));
  return undefined;
}

function attributesOf(list: OtlpSpan["attributes"], base?: Attributes): Attributes {
  const map = new Map(base);
  for (const { key, value } of list ?? []) map.set(key, plain(value));
  return map;
}

const text = (attrs: Attributes, ...keys: string[]): string | undefined => {
  for (const key of keys) {
    const value = attrs.get(key);
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return undefined;
};
const count = (attrs: Attributes, key: string): number => {
  const value = attrs.get(key);
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;
};
// gen_ai.response.finish_reasons as providers word them, to Glow's finish reasons.
const finishReasonWords: Record<string, FinishReason> = {
  stop: "stop",
  end_turn: "stop",
  length: "length",
  max_tokens: "length",
  tool_calls: "tool_calls",
  tool_use: "tool_calls",
  function_call: "tool_calls",
  content_filter: "content_filter",
  safety: "content_filter",
  error: "error",
};
/** The span's first finish reason Glow knows, if any. */
const spanFinishReason = (attrs: Attributes): FinishReason | undefined => {
  const value = attrs.get("gen_ai.response.finish_reasons");
  const words = Array.isArray(value) ? value : [value];
  for (const word of words) if (typeof word === "string" && finishReasonWords[word.toLowerCase()]) return finishReasonWords[word.toLowerCase()];
  return undefined;
};
const isoOf = (nanos: string | number) => new Date(Number(BigInt(nanos) / 1_000_000n)).toISOString();

interface Part {
  type?: string;
  content?: unknown;
  name?: string;
  response?: unknown;
  result?: unknown;
}
interface ChatMessage {
  role?: string;
  parts?: Part[];
}

/** A messages attribute: a JSON string (as spans record it) or already structured. */
function messagesOf(value: unknown, role?: string): ChatMessage[] {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(parsed)) return [];
  // System instructions are a list of parts, not of messages.
  if (role) return parsed.length ? [{ role, parts: parsed as Part[] }] : [];
  return parsed.filter((message): message is ChatMessage => typeof message === "object" && message !== null);
}

const roles = new Set(["system", "user", "assistant", "tool"]);

function contentOf(message: ChatMessage): { text?: string; tools: string[] } {
  const texts: string[] = [];
  const tools: string[] = [];
  for (const part of message.parts ?? []) {
    if (part.type === "text" && typeof part.content === "string") texts.push(part.content);
    else if (part.type === "tool_call" && typeof part.name === "string") tools.push(part.name);
    else if (part.type === "tool_call_response") {
      const response = part.response ?? part.result;
      texts.push(typeof response === "string" ? response : JSON.stringify(response ?? null));
    }
  }
  return { text: texts.length ? texts.join("\n") : undefined, tools };
}

export type MappedEvent = { [T in IngestEventType]: { type: T; fields: EventFields<T> } }[IngestEventType];

export interface SpanMapping {
  /** traceId/spanId, as OTLP names a span. */
  span: string;
  /** The events the span's run depends on, parents first (session, group, run); empty when it could not be mapped. */
  eventIds: string[];
  problem?: string;
}

export interface Lookups {
  /** Model ids by name. */
  models: Map<string, string>;
  /** Agent ids by name. */
  agents: Map<string, string>;
  /** Stored sessions: their TA's profile id. */
  sessions: Map<string, string>;
}

/** What the mapping needs to look up first: model, agent and session names it will ask about. */
export function namesToLookUp(request: OtlpTraceRequest): { models: Set<string>; agents: Set<string>; sessions: Set<string> } {
  const wanted = { models: new Set<string>(), agents: new Set<string>(), sessions: new Set<string>() };
  for (const { attrs } of inferenceSpans(request)) {
    const model = text(attrs, "gen_ai.request.model", "gen_ai.response.model");
    if (model) wanted.models.add(model);
    const agent = text(attrs, "gen_ai.agent.name", "service.name");
    if (agent) wanted.agents.add(agent);
    const session = sessionIdOf(attrs);
    if (session) wanted.sessions.add(session);
  }
  return wanted;
}

function sessionIdOf(attrs: Attributes): string | undefined {
  const named = text(attrs, "glow.session.id", "session.id", "gen_ai.conversation.id");
  if (!named) return undefined;
  return uuidPattern.test(named) ? named.toLowerCase() : nameBasedId(`session:${named}`);
}

function* inferenceSpans(request: OtlpTraceRequest): Generator<{ span: OtlpSpan; attrs: Attributes }> {
  for (const resourceSpans of request.resourceSpans) {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    for (const scope of resourceSpans.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        const attrs = attributesOf(span.attributes, resource);
        if (inferenceOperations.has(String(attrs.get("gen_ai.operation.name") ?? ""))) yield { span, attrs };
      }
    }
  }
}

/** The events for every inference span, in the order parents first; spans that cannot be mapped say why. */
export function mapSpans(request: OtlpTraceRequest, lookups: Lookups): { events: MappedEvent[]; spans: SpanMapping[] } {
  const events: MappedEvent[] = [];
  const spans: SpanMapping[] = [];
  const startedSessions = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const { span, attrs } of inferenceSpans(request)) {
    const key = `${span.traceId}/${span.spanId}`;
    const id = (what: string) => nameBasedId(`otlp:${span.traceId.toLowerCase()}:${span.spanId.toLowerCase()}:${what}`);
    const refuse = (problem: string) => spans.push({ span: key, eventIds: [], problem });
    const sessionId = sessionIdOf(attrs);
    if (!sessionId) {
      refuse("no Glow session: set glow.session.id (or session.id) on the span or its resource");
      continue;
    }
    const modelName = text(attrs, "gen_ai.request.model", "gen_ai.response.model");
    const modelId = modelName ? lookups.models.get(modelName) : undefined;
    if (!modelId) {
      refuse(modelName ? `no model named ${modelName} in Glow's price table` : "no gen_ai.request.model");
      continue;
    }
    const agentId = lookups.agents.get(text(attrs, "gen_ai.agent.name", "service.name") ?? "");
    if (!agentId) {
      refuse("no agent: set gen_ai.agent.name, or service.name on the resource");
      continue;
    }
    const started = isoOf(span.startTimeUnixNano);
    const ended = span.endTimeUnixNano !== undefined ? isoOf(span.endTimeUnixNano) : null;
    if (!lookups.sessions.has(sessionId) && !startedSessions.has(sessionId)) {
      const profileId = text(attrs, "glow.profile.id", "user.id");
      if (!profileId || !uuidPattern.test(profileId)) {
        refuse(`session ${sessionId} is new: set glow.profile.id to the TA's profile id to start it`);
        continue;
      }
      const eventId = nameBasedId(`otlp:session:${sessionId}`);
      startedSessions.set(sessionId, eventId);
      events.push({
        type: "session",
        fields: { event_id: eventId, session_id: sessionId, profile_id: profileId.toLowerCase(), started_at: started },
      });
    }
    const groupId = text(attrs, "glow.group.id") ?? nameBasedId(`otlp:trace:${span.traceId.toLowerCase()}`);
    if (!groups.has(groupId)) {
      const eventId = nameBasedId(`otlp:group:${groupId}`);
      groups.set(groupId, eventId);
      const name = text(attrs, "glow.group.name") ?? `Trace ${span.traceId.slice(0, 8).toLowerCase()}`;
      events.push({ type: "group", fields: { event_id: eventId, group_id: groupId, session_id: sessionId, name, created_at: started } });
    }
    const statusCode = String(span.status?.code ?? "");
    const failed = statusCode === "2" || statusCode === "STATUS_CODE_ERROR";
    const runId = id("run");
    const runEventId = id("run-event");
    const input = count(attrs, "gen_ai.usage.input_tokens");
    events.push({
      type: "run",
      fields: {
        event_id: runEventId,
        run_id: runId,
        group_id: groupId,
        model_id: modelId,
        agent_id: agentId,
        status: failed ? "failed" : ended ? "succeeded" : "running",
        ...(ended && !failed ? { finish_reason: spanFinishReason(attrs) } : {}),
        error: failed ? span.status?.message || text(attrs, "error.type") || "The span ended in error" : null,
        input_tokens: input,
        cached_input_tokens: Math.min(count(attrs, "gen_ai.usage.cache_read.input_tokens"), input),
        output_tokens: count(attrs, "gen_ai.usage.output_tokens"),
        created_at: started,
        finished_at: ended ?? (failed ? started : null),
      },
    });
    const parents = [startedSessions.get(sessionId), groups.get(groupId)].filter((eventId): eventId is string => !!eventId);
    spans.push({ span: key, eventIds: [...parents, runEventId] });
    const conversation = [
      ...messagesOf(attrs.get("gen_ai.system_instructions"), "system").map((message) => ({ message, at: started })),
      ...messagesOf(attrs.get("gen_ai.input.messages")).map((message) => ({ message, at: started })),
      ...messagesOf(attrs.get("gen_ai.output.messages")).map((message) => ({ message, at: ended ?? started })),
    ];
    conversation.forEach(({ message, at }, position) => {
      const { text: body, tools } = contentOf(message);
      const messageId = id(`message:${position}`);
      const role = roles.has(message.role ?? "") ? (message.role as "system" | "user" | "assistant" | "tool") : "assistant";
      events.push({
        type: "message",
        fields: { event_id: id(`message-event:${position}`), message_id: messageId, run_id: runId, role, position, text: body, created_at: at },
      });
      tools.forEach((name, index) =>
        events.push({
          type: "tool_call",
          fields: {
            event_id: id(`tool-event:${position}:${index}`),
            tool_call_id: id(`tool:${position}:${index}`),
            message_id: messageId,
            template_name: name,
            created_at: at,
          },
        }),
      );
    });
  }
  return { events, spans };
}
