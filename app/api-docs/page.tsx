import type { Metadata } from "next";
import Link from "next/link";
import { OperationCard } from "@/components/api-docs/operation-card";
import { RichText } from "@/components/api-docs/rich-text";
import { endpoints } from "@/lib/contract/endpoints";
import { openApiDocument } from "@/lib/openapi/document";
import { docsModel } from "@/lib/openapi/docs-model";

export const metadata: Metadata = { title: "API reference" };

// Rendered from the same generated document as /api/openapi.json: the page cannot drift from the API.
export default function ApiDocsPage() {
  const docs = docsModel(openApiDocument(endpoints));
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10 lg:px-8">
      <nav aria-label="Endpoints" className="mb-8 lg:sticky lg:top-6 lg:mb-0 lg:max-h-[calc(100vh-3rem)] lg:self-start lg:overflow-y-auto">
        <Link href="/" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          ← Glow Admin
        </Link>
        {docs.sections.map((section) => (
          <div key={section.tag} className="mt-5">
            <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{section.tag}</h2>
            <ul className="mt-2 space-y-1">
              {section.operations.map((operation) => (
                <li key={operation.anchor}>
                  <a
                    href={`#${operation.anchor}`}
                    className="block truncate font-mono text-xs text-slate-700 hover:text-indigo-700 dark:text-slate-300 dark:hover:text-indigo-300"
                  >
                    {operation.method === "GET" ? "GET " : ""}
                    {operation.path}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>

      <main>
        <header className="border-b border-slate-200 pb-6 dark:border-slate-800">
          <h1 className="text-2xl font-semibold">{docs.title}</h1>
          <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
            Version {docs.version} · {docs.endpointCount} endpoints · OpenAPI 3.1:{" "}
            <a href="/api/openapi.json" className="font-mono text-indigo-700 hover:underline dark:text-indigo-300">
              /api/openapi.json
            </a>
          </p>
          <RichText text={docs.description} className="mt-4 max-w-3xl text-sm leading-relaxed text-slate-700 dark:text-slate-300" />
        </header>

        {docs.sections.map((section) => (
          <section key={section.tag} aria-labelledby={`tag-${section.tag}`} className="mt-10">
            <h2 id={`tag-${section.tag}`} className="text-xl font-semibold">
              {section.tag}
            </h2>
            {section.description ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{section.description}</p> : null}
            <div className="mt-4 space-y-6">
              {section.operations.map((operation) => (
                <OperationCard key={operation.anchor} operation={operation} />
              ))}
            </div>
          </section>
        ))}
      </main>
    </div>
  );
}
