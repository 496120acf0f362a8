// Shown instead of a page while PostgreSQL cannot be reached; the page tries again by itself.
export function DatabaseUnavailable() {
  return (
    <main className="mx-auto max-w-xl space-y-3 px-4 py-16 text-center">
      {/* Reloads every 10 s until the database is back. */}
      <meta httpEquiv="refresh" content="10" />
      <p className="text-sm font-semibold text-amber-700 dark:text-amber-300">Temporarily unavailable</p>
      <h1 className="text-2xl font-semibold tracking-tight">The database cannot be reached</h1>
      <p className="text-slate-600 dark:text-slate-300">
        Glow Admin is running, but its database is not answering (it may be restarting). This page tries again every 10 seconds; nothing you saved is
        lost.
      </p>
      <a
        href=""
        className="inline-block rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2"
      >
        Try again now
      </a>
    </main>
  );
}
