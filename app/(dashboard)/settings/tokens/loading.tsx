import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

export default function TokensLoading() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-12 w-full" />
      <TableSkeleton label="Loading API tokens" rows={10} />
    </div>
  );
}
