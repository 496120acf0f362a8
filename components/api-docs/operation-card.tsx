import type { ReactNode } from "react";
import type { DocsOperation } from "@/lib/openapi/docs-model";
import { FieldTable } from "./field-table";
import { RichText } from "./rich-text";

const methodTone: Record<string, string> = {
  POST: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  GET: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
};

function Heading({ children }: { children: ReactNode }) {
  return <h4 className="mb-2 mt-5 text-sm font-semibold text-slate-900 dark:text-slate-100">{children}</h4>;
}

export function OperationCard({ operation }: { operation: DocsOperation }) {
  const { response } = operation;
  return (
    <article
      id={operation.anchor}
      className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold ${methodTone[operation.method] ?? "bg-slate-100 dark:bg-slate-800"}`}>
          {operation.method}
        </span>
        <h3 className="font-mono text-base font-semibold">{operation.path}</h3>
      </header>
      <p className="mt-2 font-medium text-slate-800 dark:text-slate-200">{operation.summary}</p>
      <div className="mt-2 flex flex-wrap gap-2 text-xs">
        {operation.access.length ? (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 dark:bg-slate-800">Access: {operation.access.join(", ")}</span>
        ) : null}
        {operation.cli && operation.method === "POST" ? (
          <code className="rounded-full bg-slate-100 px-2 py-0.5 font-mono dark:bg-slate-800">{operation.cli}</code>
        ) : null}
      </div>
      <RichText text={operation.description} className="mt-3 text-sm leading-relaxed text-slate-700 dark:text-slate-300" />

      {operation.method === "GET" ? (
        <>
          <Heading>Query parameters</Heading>
          <FieldTable fields={operation.queryFields} caption={`Query parameters of GET ${operation.path}`} />
        </>
      ) : (
        <>
          <Heading>
            Body {operation.bodySchemaName ? <span className="font-mono font-normal text-slate-500">{operation.bodySchemaName}</span> : null}
            {operation.bodyRequired ? null : <span className="ml-2 text-xs font-normal text-slate-500">optional: an empty body means {"{}"}</span>}
          </Heading>
          <FieldTable fields={operation.bodyFields} caption={`Body of ${operation.path}`} />
        </>
      )}

      <Heading>
        Response{" "}
        {response.kind === "json" && response.schemaName ? <span className="font-mono font-normal text-slate-500">{response.schemaName}</span> : null}
      </Heading>
      {response.kind === "json" ? (
        <FieldTable fields={response.fields} caption={`Response of ${operation.path}`} />
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          <code className="font-mono">{response.contentType}</code>: {response.description}
        </p>
      )}

      <details className="mt-4 text-sm">
        <summary className="cursor-pointer font-semibold text-slate-900 dark:text-slate-100">Status codes</summary>
        <ul className="mt-2 space-y-1">
          {operation.statuses.map((status) => (
            <li key={status.status} className="flex gap-3">
              <span className="w-10 shrink-0 font-mono">{status.status}</span>
              <RichText text={status.description} className="text-slate-700 dark:text-slate-300" />
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
