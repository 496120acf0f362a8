import type { Metadata } from "next";
import { Suspense } from "react";
import { CreateTokenDialog } from "@/components/settings/create-token-dialog";
import { TokensTable } from "@/components/settings/tokens-table";
import { TokensToolbar } from "@/components/settings/tokens-toolbar";
import { TableSkeleton } from "@/components/ui/skeleton";
import { settingsAdmin } from "@/lib/auth/browser-actor";
import type { RawSearchParams } from "@/lib/search-params";
import { listTokens, tokenOwnerOptions } from "@/lib/tokens/queries";
import { parseTokenSearchParams, toListTokensRequest, type TokenSearchParams } from "@/lib/tokens/search-params";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // Checked here as well as in the layout: a client-side navigation renders only the page.
  const actor = await settingsAdmin();
  const [params, owners] = await Promise.all([searchParams.then(parseTokenSearchParams), tokenOwnerOptions()]);
  return (
    <section aria-labelledby="tokens-heading" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="tokens-heading" className="text-lg font-semibold">
            API tokens
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Tokens for scripts and the glow CLI. Each acts with its owner&apos;s access; revoke one the moment it may have leaked.
          </p>
        </div>
        <CreateTokenDialog owners={owners} currentProfileId={actor.profile_id} />
      </div>
      <TokensToolbar params={params} owners={owners} />
      <Suspense key={JSON.stringify(params)} fallback={<TableSkeleton label="Loading API tokens" />}>
        <Results params={params} />
      </Suspense>
    </section>
  );
}

async function Results({ params }: { params: TokenSearchParams }) {
  const { items, ...pageState } = await listTokens(toListTokensRequest(params));
  return <TokensTable rows={items} pageState={pageState} filtered={!!(params.status || params.profile_id)} now={new Date().toISOString()} />;
}
