import { Badge } from "@/components/ui/badge";
import { formatDay, formatUtc } from "@/lib/format/dates";
import type { ModelPriceHistory, PriceStatus } from "@/lib/groups/prepare-pricing";

const statusBadge: Record<PriceStatus, { tone: "green" | "neutral" | "indigo"; label: string }> = {
  current: { tone: "green", label: "Current" },
  past: { tone: "neutral", label: "Past" },
  scheduled: { tone: "indigo", label: "Scheduled" },
};

/** Every model's per-million-token prices with their effective dates, newest first. */
export function PriceTable({ models }: { models: ModelPriceHistory[] }) {
  if (models.length === 0) {
    return (
      <p className="py-6 text-center text-sm text-slate-600 dark:text-slate-300">
        No models are configured yet. Prices appear here once a model is added.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">Model prices per million tokens, with the dates they apply from</caption>
        <thead className="bg-slate-50 text-left text-slate-700 dark:bg-slate-900 dark:text-slate-200">
          <tr>
            <th scope="col" className="border-b border-slate-200 px-3 py-2 dark:border-slate-800">
              Model
            </th>
            <th scope="col" className="border-b border-slate-200 px-3 py-2 dark:border-slate-800">
              Applies
            </th>
            <th scope="col" className="border-b border-slate-200 px-3 py-2 text-right dark:border-slate-800">
              Input / 1M
            </th>
            <th scope="col" className="border-b border-slate-200 px-3 py-2 text-right dark:border-slate-800">
              Cached input / 1M
            </th>
            <th scope="col" className="border-b border-slate-200 px-3 py-2 text-right dark:border-slate-800">
              Output / 1M
            </th>
            <th scope="col" className="border-b border-slate-200 px-3 py-2 dark:border-slate-800">
              Status
            </th>
          </tr>
        </thead>
        {models.map((model) => (
          <tbody key={model.model_id} data-model-id={model.model_id} className="border-b border-slate-200 last:border-0 dark:border-slate-800">
            {model.prices.length === 0 ? (
              <tr>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {model.name}
                </th>
                <td colSpan={5} className="px-3 py-2 text-slate-600 dark:text-slate-300">
                  No price set: runs of this model cost nothing until one is added.
                </td>
              </tr>
            ) : (
              model.prices.map((price, i) => {
                const badge = statusBadge[price.status];
                return (
                  <tr
                    key={price.effective_from}
                    data-status={price.status}
                    className={price.status === "current" ? "bg-emerald-50/60 dark:bg-emerald-950/30" : undefined}
                  >
                    {i === 0 ? (
                      <th scope="rowgroup" rowSpan={model.prices.length} className="px-3 py-2 text-left align-top font-medium">
                        {model.name}
                        <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">{model.provider}</span>
                      </th>
                    ) : null}
                    <td className="whitespace-nowrap px-3 py-2">
                      <time dateTime={price.effective_from} title={formatUtc(price.effective_from)}>
                        from {formatDay(price.effective_from)}
                      </time>
                      {price.until ? (
                        <span className="text-slate-600 dark:text-slate-300">
                          {" "}
                          until{" "}
                          <time dateTime={price.until} title={formatUtc(price.until)}>
                            {formatDay(price.until)}
                          </time>
                        </span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{price.input}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{price.cached_input}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{price.output}</td>
                    <td className="px-3 py-2">
                      <Badge tone={badge.tone}>{badge.label}</Badge>
                      {price.currency !== "USD" ? <span className="ml-1 text-xs">{price.currency}</span> : null}
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}
