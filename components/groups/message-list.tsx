import { conversationEntries, type GroupUpload, type MergedRun } from "@/lib/groups/prepare";
import { MessageBubble } from "./message-bubble";

/** One run's loaded messages as a conversation, with the start of its context window marked. */
export function MessageList({
  run,
  uploads,
  agentName,
  continues,
}: {
  run: MergedRun;
  uploads: Record<string, GroupUpload>;
  agentName?: string;
  /** More of this run's messages may be on the next page. */
  continues: boolean;
}) {
  const entries = conversationEntries(run);
  if (entries.length === 0) {
    return (
      <p className="px-1 py-3 text-sm text-slate-600 dark:text-slate-300">
        {continues ? "This run's messages are on the next page: load more messages below." : "This run has no messages."}
      </p>
    );
  }
  return (
    <ol className="space-y-3" aria-label="Messages">
      {entries.map((entry) =>
        entry.type === "context-start" ? (
          <li
            key={`context-${entry.position}`}
            data-testid="context-window-start"
            className="flex items-center gap-3 py-1 text-xs font-medium text-sky-800 dark:text-sky-200"
          >
            <span aria-hidden className="h-px flex-1 bg-sky-300 dark:bg-sky-700" />
            Context window starts here
            <span aria-hidden className="h-px flex-1 bg-sky-300 dark:bg-sky-700" />
          </li>
        ) : (
          <li key={entry.message.id}>
            <MessageBubble message={entry.message} uploads={uploads} carried_over={entry.carried_over} agentName={agentName} />
          </li>
        ),
      )}
      {continues ? (
        <li className="text-center text-xs text-slate-600 dark:text-slate-300">More of this run may follow: load more messages below.</li>
      ) : null}
    </ol>
  );
}
