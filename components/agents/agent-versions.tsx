import { formatUtc } from "@/lib/format/dates";
import type { AgentVersionItem } from "@/lib/agents/schemas";

/** An agent's versions, newest first: what changed, when, and the settings as stored. */
export function AgentVersions({ versions, showsPrompts }: { versions: AgentVersionItem[]; showsPrompts: boolean }) {
  return (
    <ol className="space-y-3" aria-label="Versions, newest first">
      {versions.map((version, index) => (
        <li
          key={version.version}
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          data-version={version.version}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">
              Version {version.version}
              {index === 0 ? <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300">current</span> : null}
            </h3>
            <p className="text-sm text-slate-600 dark:text-slate-300">Since {formatUtc(version.created_at)}</p>
          </div>
          <p className="mt-1 text-sm">{version.change_note ?? "No note on what changed."}</p>
          <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-600 dark:text-slate-300">Model</dt>
              <dd>{version.model_name ?? "Not recorded"}</dd>
            </div>
            <div>
              <dt className="text-slate-600 dark:text-slate-300">Temperature</dt>
              <dd className="tabular-nums">{version.temperature ?? "Not recorded"}</dd>
            </div>
          </dl>
          {version.prompt ? (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer font-medium text-indigo-700 dark:text-indigo-300">Prompt</summary>
              <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans dark:bg-slate-950">
                {version.prompt}
              </pre>
            </details>
          ) : showsPrompts ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">No prompt recorded.</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
