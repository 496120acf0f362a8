import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function GroupNotFound() {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Group not found</h1>
      <EmptyState title="This group does not exist, or it belongs to a department you cannot see.">
        Find it in the{" "}
        <Link href="/pricing" className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          groups history on the Pricing page
        </Link>{" "}
        or from its session.
      </EmptyState>
    </div>
  );
}
