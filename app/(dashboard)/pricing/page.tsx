import type { Metadata } from "next";
import { Suspense } from "react";
import { CostBarsChart } from "@/components/charts/cost-bars-chart";
import { CostByMonthChart } from "@/components/charts/cost-by-month-chart";
import { GroupsTable } from "@/components/pricing/groups-table";
import { PriceTable } from "@/components/pricing/price-table";
import { ChartsSkeleton, ToolbarSkeleton } from "@/components/pricing/pricing-skeletons";
import { PricingToolbar } from "@/components/pricing/pricing-toolbar";
import { TableSkeleton } from "@/components/ui/skeleton";
import { getFilterFacets } from "@/lib/facets/queries";
import type { Actor } from "@/lib/auth/actor";
import { signedInActor } from "@/lib/auth/browser-actor";
import { priceHistory, pricingCharts } from "@/lib/groups/prepare-pricing";
import { getPricing, listGroups } from "@/lib/groups/queries";
import type { PricingResponse } from "@/lib/groups/schemas";
import { parsePricingSearchParams, toListGroupsRequest, toPricingRequest, type PricingPageParams } from "@/lib/groups/search-params";
import type { RawSearchParams } from "@/lib/search-params";
import { filterFacets } from "@/lib/facets/prepare";

export const metadata: Metadata = { title: "Pricing" };

export default async function PricingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await signedInActor();
  const params = parsePricingSearchParams(await searchParams);
  const pricingRequest = toPricingRequest(params);
  const listRequest = toListGroupsRequest(params);
  // One pricing answer feeds the charts, the model filter and the price table.
  const pricing = getPricing(actor, pricingRequest);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Pricing</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          What the persona runs cost: by model and month, group by group, and the prices per million tokens behind them.
        </p>
      </header>
      <Suspense fallback={<ToolbarSkeleton />}>
        <Toolbar actor={actor} params={params} pricing={pricing} />
      </Suspense>
      <Suspense key={JSON.stringify(pricingRequest)} fallback={<ChartsSkeleton />}>
        <Charts pricing={pricing} />
      </Suspense>
      <section aria-labelledby="groups-heading" className="space-y-2">
        <h2 id="groups-heading" className="text-lg font-semibold">
          Groups
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Every generation group with its runs, tokens and cost. The model and TA filters narrow this table; the charts above follow the date range
          and departments.
        </p>
        <Suspense key={JSON.stringify(listRequest)} fallback={<TableSkeleton label="Loading groups" />}>
          <Groups actor={actor} params={params} />
        </Suspense>
      </section>
      <section aria-labelledby="prices-heading" className="space-y-2">
        <h2 id="prices-heading" className="text-lg font-semibold">
          Model prices
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Dollars per million tokens. A run is priced with the price in force when it ran, so older runs keep their price.
        </p>
        <Suspense fallback={<TableSkeleton rows={4} label="Loading prices" />}>
          <Prices pricing={pricing} />
        </Suspense>
      </section>
    </div>
  );
}

async function Toolbar({ actor, params, pricing }: { actor: Actor; params: PricingPageParams; pricing: Promise<PricingResponse> }) {
  const [facets, { models }] = await Promise.all([getFilterFacets(actor), pricing]);
  const { departments, profiles } = filterFacets(facets);
  return (
    <PricingToolbar
      params={params}
      facets={{ departments, profiles, models: models.map((model) => ({ value: model.model_id, label: model.name })) }}
    />
  );
}

async function Charts({ pricing }: { pricing: Promise<PricingResponse> }) {
  const view = pricingCharts(await pricing);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <CostBarsChart
        id="cost-by-model"
        title="Cost by model"
        itemLabel="Model"
        empty="No runs match these filters. Widen the date range or clear the department filter."
        view={view.byModel}
      />
      <CostByMonthChart view={view.byMonth} />
    </div>
  );
}

async function Groups({ actor, params }: { actor: Actor; params: PricingPageParams }) {
  const { items, ...pageState } = await listGroups(actor, toListGroupsRequest(params));
  return <GroupsTable rows={items} pageState={pageState} params={params} now={new Date().toISOString()} />;
}

async function Prices({ pricing }: { pricing: Promise<PricingResponse> }) {
  return <PriceTable models={priceHistory((await pricing).models, new Date())} />;
}
