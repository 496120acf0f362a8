import { ToolbarSkeleton } from "@/components/pricing/pricing-skeletons";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <ToolbarSkeleton />
      <Skeleton className="h-72 w-full" />
      <TableSkeleton label="Loading agents" />
    </div>
  );
}
