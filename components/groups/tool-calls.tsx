import { formatUtc } from "@/lib/format/dates";
import { timeOfDay, type GroupMessage } from "@/lib/groups/prepare";

/** The tool/function calls a message made, listed under it. */
export function ToolCalls({ calls }: { calls: GroupMessage["calls"] }) {
  if (calls.length === 0) return null;
  return (
    <ul aria-label="Tool calls" className="mt-2 space-y-1 border-t border-current/10 pt-2">
      {calls.map((call) => (
        <li key={call.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-xs">
          <span aria-hidden>⚙</span>
          <span className="sr-only">Tool call</span>
          <code className="rounded bg-slate-200/70 px-1 py-0.5 font-mono text-slate-900 dark:bg-slate-700/70 dark:text-slate-100">
            {call.template_name}
          </code>
          {call.file_path ? <code className="break-all font-mono text-slate-700 dark:text-slate-200">{call.file_path}</code> : null}
          <time dateTime={call.created_at} title={formatUtc(call.created_at)} className="text-slate-600 dark:text-slate-300">
            {timeOfDay(call.created_at)}
          </time>
        </li>
      ))}
    </ul>
  );
}
