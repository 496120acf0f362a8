import Link from "next/link";

export default function SessionNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Session not found</h1>
      <p className="text-slate-600 dark:text-slate-300">
        This session does not exist, or it belongs to a department you cannot see. Check the link, or find the session in the history.
      </p>
      <Link
        href="/sessions"
        className="inline-block rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2"
      >
        Go to the session history
      </Link>
    </div>
  );
}
