import { Skeleton } from "@/components/ui/skeleton";

export function ToolbarSkeleton() {
  return (
    <div role="status" aria-label="Loading filters" className="flex flex-wrap items-end gap-3">
      {["w-36", "w-36", "w-28", "w-24", "w-40"].map((width, i) => (
        <Skeleton key={i} className={`h-9 ${width}`} />
      ))}
    </div>
  );
}

export function ChartsSkeleton() {
  return (
    <div role="status" aria-label="Loading charts" className="grid gap-4 lg:grid-cols-2">
      {[0, 1].map((i) => (
        <div key={i} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-64 max-w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ))}
    </div>
  );
}
