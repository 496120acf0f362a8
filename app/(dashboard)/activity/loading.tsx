import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-5">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-9 w-full max-w-lg" />
      <TableSkeleton label="Loading activity" />
    </div>
  );
}
