import { GroupTotalsSkeleton } from "@/components/groups/group-totals";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-8 w-96 max-w-full" />
        <Skeleton className="h-4 w-56" />
      </div>
      <GroupTotalsSkeleton />
      <TableSkeleton rows={6} label="Loading runs" />
    </div>
  );
}
