import Link from "next/link";

/** The same page for unknown, used, expired and disabled links, so none can be told apart. */
export function InvalidInvite() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">This invitation is no longer valid</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        The link may have expired, been used already, or been replaced by a newer one. Ask an administrator for a new invitation link.
      </p>
      <p className="mt-6 text-sm">
        Already set your password?{" "}
        <Link href="/login" className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          Sign in
        </Link>
      </p>
    </>
  );
}
