// The demo set's most recent sessions go in through ingestion (lib/ingest), as a Glow deployment
// sends them, so every first `npm start` and every `npm test` exercises the real ingestion path. The
// rows of those sessions are taken out of the bulk insert and turned into events for the typed client.
import { IngestClient, type IngestTransport } from "@/lib/ingest/client";
import type { DemoRows } from "./rows.ts";

/** How many of the newest sessions the demo sends through ingestion: enough to cover every event kind it has. */
export const ingestedSessionCount = 6;

export interface IngestedPart {
  /** Events in the order a deployment would send them. */
  client: IngestClient;
  /** Rows ingestion does not carry (who flagged and resolved a problem), inserted after it. */
  problemsAfter: DemoRows["problems"];
}

const iso = (date: Date) => date.toISOString();

/**
 * Takes the newest sessions (and everything under them) out of `rows` and queues them as events on
 * a client that sends through `transport`. Media uploads stay in the bulk rows: messages name them.
 */
export function takeRecentSessions(rows: DemoRows, textOf: (sha256: string) => string | undefined, transport: IngestTransport): IngestedPart {
  const recent = new Set(
    [...rows.sessions]
      .sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || a.id.localeCompare(b.id))
      .slice(0, ingestedSessionCount)
      .map((session) => session.id),
  );
  const take = <T>(list: T[], belongs: (row: T) => boolean): T[] => {
    const taken = list.filter(belongs);
    const kept = list.filter((row) => !belongs(row));
    list.splice(0, list.length, ...kept);
    return taken;
  };
  const sessions = take(rows.sessions, (row) => recent.has(row.id));
  const chats = take(rows.chats, (row) => recent.has(row.session_id));
  const attempts = take(rows.attempts, (row) => recent.has(row.session_id));
  const groups = take(rows.groups, (row) => recent.has(row.session_id));
  const groupIds = new Set(groups.map((group) => group.id));
  const runs = take(rows.runs, (row) => groupIds.has(row.group_id));
  const runIds = new Set(runs.map((run) => run.id));
  const messages = take(rows.messages, (row) => runIds.has(row.run_id));
  const messageIds = new Set(messages.map((message) => message.id));
  const links = take(rows.messageUploads, (row) => messageIds.has(row.message_id));
  const calls = take(rows.toolCalls, (row) => messageIds.has(row.message_id));
  const problemsAfter = take(rows.problems, (row) => recent.has(row.session_id));
  // A message's own text is ingested as text; the bulk rows keep only the media it attaches.
  const uploadById = new Map(rows.uploads.map((upload) => [upload.id, upload]));
  const textUploads = new Set(links.map((link) => link.upload_id).filter((id) => uploadById.get(id)?.kind === "text"));
  take(rows.uploads, (row) => textUploads.has(row.id));

  const client = new IngestClient(transport);
  for (const session of sessions) {
    client.add("session", {
      session_id: session.id,
      profile_id: session.profile_id,
      title: session.title,
      tags: session.tags,
      started_at: iso(session.created_at),
      ended_at: session.ended_at ? iso(session.ended_at) : null,
      ...(session.ended_at && session.status === "aborted" ? { end_status: "aborted" } : {}),
    });
  }
  for (const chat of chats)
    client.add("chat", { chat_id: chat.id, session_id: chat.session_id, agent_id: chat.agent_id, name: chat.name, created_at: iso(chat.created_at) });
  for (const attempt of attempts) {
    client.add("attempt", {
      attempt_id: attempt.id,
      session_id: attempt.session_id,
      chat_id: attempt.chat_id,
      name: attempt.name,
      score: attempt.score,
      created_at: iso(attempt.created_at),
      submitted_at: attempt.submitted_at ? iso(attempt.submitted_at) : null,
    });
  }
  const linksOf = new Map<string, typeof links>();
  for (const link of links) linksOf.set(link.message_id, [...(linksOf.get(link.message_id) ?? []), link]);
  for (const group of groups) {
    client.add("group", { group_id: group.id, session_id: group.session_id, name: group.name, created_at: iso(group.created_at) });
    for (const run of runs.filter((row) => row.group_id === group.id)) {
      client.add("run", {
        run_id: run.id,
        group_id: run.group_id,
        model_id: run.model_id,
        agent_id: run.agent_id,
        ...(run.agent_version === undefined ? {} : { agent_version: run.agent_version }),
        status: run.status,
        ...(run.finish_reason ? { finish_reason: run.finish_reason } : {}),
        error: run.error,
        input_tokens: run.input_tokens,
        cached_input_tokens: run.cached_input_tokens,
        output_tokens: run.output_tokens,
        previous_context_start_index: run.previous_context_start_index,
        cost: run.cost,
        created_at: iso(run.created_at),
        finished_at: run.finished_at ? iso(run.finished_at) : null,
      });
      for (const message of messages.filter((row) => row.run_id === run.id)) {
        const attached = (linksOf.get(message.id) ?? []).sort((a, b) => a.position - b.position);
        const text = attached.find((link) => textUploads.has(link.upload_id));
        client.add("message", {
          message_id: message.id,
          run_id: message.run_id,
          role: message.role,
          position: message.position,
          text: text ? textOf(uploadById.get(text.upload_id)?.sha256 ?? "") : undefined,
          upload_ids: attached.filter((link) => !textUploads.has(link.upload_id)).map((link) => link.upload_id),
          created_at: iso(message.created_at),
        });
      }
    }
  }
  for (const call of calls) {
    client.add("tool_call", {
      tool_call_id: call.id,
      message_id: call.message_id,
      template_name: call.template_name,
      file_path: call.file_path,
      created_at: iso(call.created_at),
    });
  }
  return { client, problemsAfter };
}
