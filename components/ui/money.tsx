import { formatMoney } from "@/lib/format/money";

/** A dollar amount rounded for reading, with every digit on hover. */
export function Money({ amount }: { amount: string }) {
  return (
    <span title={formatMoney(amount, { exact: true })} className="tabular-nums">
      {formatMoney(amount)}
    </span>
  );
}
