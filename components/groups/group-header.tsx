import Link from "next/link";
import { TimeAgo } from "@/components/ui/time-ago";

const link =
  "font-medium text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300";

/** The group's name and where it belongs; rendered before the heavier totals and runs stream in. */
export function GroupHeader({ name, sessionId, createdAt }: { name: string; sessionId: string; createdAt: string | null }) {
  return (
    <header className="space-y-1">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        <Link href="/pricing" className={link}>
          Groups
        </Link>{" "}
        <span aria-hidden>/</span> Generation group
      </p>
      <h1 className="break-words text-2xl font-semibold tracking-tight">{name}</h1>
      <p className="flex flex-wrap gap-x-3 text-sm text-slate-700 dark:text-slate-200">
        <Link href={`/sessions/${sessionId}`} className={link}>
          Open the session <span className="sr-only">of this group</span>
        </Link>
        <span>
          Created <TimeAgo iso={createdAt} />
        </span>
      </p>
    </header>
  );
}
