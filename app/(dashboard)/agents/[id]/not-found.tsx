import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function AgentNotFound() {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Agent not found</h1>
      <EmptyState title="No agent has this id.">
        See{" "}
        <Link href="/agents" className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          every agent
        </Link>
        .
      </EmptyState>
    </div>
  );
}
