import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

export default function UsersLoading() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-12 w-full" />
      <TableSkeleton label="Loading users" rows={10} />
    </div>
  );
}
