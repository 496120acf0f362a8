import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

export default function SessionsLoading() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-12 w-full" />
      <TableSkeleton label="Loading sessions" rows={10} />
    </div>
  );
}
