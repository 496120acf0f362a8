import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

export default function AuditLoading() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-12 w-full" />
      <TableSkeleton label="Loading the audit log" rows={10} />
    </div>
  );
}
