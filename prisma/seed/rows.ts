// The whole demo data set as plain rows, built in memory first so it can be inserted table by table
// with a few large createMany calls (thousands of single inserts would blow the 30 s budget).
import type {
  AgentRow,
  AttemptRow,
  ChatRow,
  DepartmentRow,
  EmulationRow,
  GrantRow,
  GroupRow,
  LoginRow,
  MessageRow,
  MessageUploadRow,
  ModelRow,
  PriceRow,
  ProblemRow,
  ProfileRow,
  RunRow,
  SessionRow,
  ToolCallRow,
  UploadRow,
} from "../factories/index.ts";
import { Random } from "./random.ts";

export interface ScopeRow {
  profile_id: string;
  department_id: string;
}

export interface DemoRows {
  departments: DepartmentRow[];
  profiles: ProfileRow[];
  scopes: ScopeRow[];
  logins: LoginRow[];
  emulations: EmulationRow[];
  grants: GrantRow[];
  agents: AgentRow[];
  agentVersions: AgentVersionRow[];
  models: ModelRow[];
  prices: PriceRow[];
  sessions: SessionRow[];
  chats: ChatRow[];
  attempts: AttemptRow[];
  groups: GroupRow[];
  runs: RunRow[];
  messages: MessageRow[];
  uploads: UploadRow[];
  messageUploads: MessageUploadRow[];
  toolCalls: ToolCallRow[];
  problems: ProblemRow[];
}

export interface AgentVersionRow {
  agent_id: string;
  version: number;
  model_id: string;
  prompt: string;
  temperature: string;
  change_note: string;
  created_at: Date;
}

/** The agent's version in force at `at` (its first when `at` is older than all of them). */
export function agentVersionAt(versions: readonly AgentVersionRow[], agentId: string, at: Date): number {
  const own = versions.filter((v) => v.agent_id === agentId).sort((a, b) => a.version - b.version);
  const inForce = own.filter((v) => v.created_at <= at).at(-1) ?? own[0];
  return inForce?.version ?? 1;
}

export function emptyRows(): DemoRows {
  return {
    departments: [],
    profiles: [],
    scopes: [],
    logins: [],
    emulations: [],
    grants: [],
    agents: [],
    agentVersions: [],
    models: [],
    prices: [],
    sessions: [],
    chats: [],
    attempts: [],
    groups: [],
    runs: [],
    messages: [],
    uploads: [],
    messageUploads: [],
    toolCalls: [],
    problems: [],
  };
}

export interface DemoContext {
  /** Every demo timestamp is relative to this instant (midnight UTC of the seeding day by default). */
  anchor: Date;
  seed: number;
  rows: DemoRows;
}

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

export function before(anchor: Date, ms: number): Date {
  return new Date(anchor.getTime() - ms);
}

/** A generator of its own for each part of the data set, so that changing how logins are made does
 * not reshuffle every session. */
export function stream(seed: number, part: number): Random {
  return new Random((Math.imul(seed, 0x9e3779b1) + Math.imul(part, 0x85ebca6b)) >>> 0);
}

/** Midnight UTC of `now`'s day: the default anchor, so re-seeding on the same day gives equal dates. */
export function dayAnchor(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Map.groupBy, which Node 20 lacks. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
