import type { Metadata } from "next";
import { Suspense } from "react";
import { AccessHistoryExport } from "@/components/settings/access-history-export";
import { AuditTable } from "@/components/settings/audit-table";
import { AuditToolbar } from "@/components/settings/audit-toolbar";
import { TableSkeleton } from "@/components/ui/skeleton";
import { settingsAdmin } from "@/lib/auth/browser-actor";
import { auditFacets, auditPeopleOptions, listAuditRows } from "@/lib/audit/queries";
import { isFiltered, parseAuditSearchParams, type AuditSearchParams } from "@/lib/audit/search-params";
import type { RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // Checked here as well as in the layout: a client-side navigation renders only the page.
  await settingsAdmin();
  const [params, people] = await Promise.all([searchParams.then(parseAuditSearchParams), auditPeopleOptions()]);
  const facets = auditFacets();
  const tas = people.filter((person) => person.access_level === "ta");
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <div>
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Who read or changed what, and when. During an emulation the admin is the actor and the TA is named under “on behalf of”.
        </p>
      </div>
      <AccessHistoryExport tas={tas} />
      <AuditToolbar params={params} people={people} tas={tas} facets={facets} />
      <Suspense key={JSON.stringify(params)} fallback={<TableSkeleton label="Loading the audit log" />}>
        <Results params={params} />
      </Suspense>
    </section>
  );
}

async function Results({ params }: { params: AuditSearchParams }) {
  const { items, ...pageState } = await listAuditRows(params);
  return <AuditTable rows={items} pageState={pageState} filtered={isFiltered(params)} />;
}
