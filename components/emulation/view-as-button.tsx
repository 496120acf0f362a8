"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";

/**
 * Starts an emulation of one TA: the admin says why (kept in the audit trail), then the whole
 * dashboard reloads as that TA sees it, with the banner that ends it.
 */
export function ViewAsButton({ profileId, name, className }: { profileId: string; name: string; className?: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function start(reason: string) {
    setPending(true);
    setError(null);
    const response = await fetch("/system/emulation/start", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(reason ? { profile_id: profileId, reason } : { profile_id: profileId }),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? "The emulation could not be started.");
      setPending(false);
      return;
    }
    // Refresh as well as navigate: the shared layout (banner, navigation) must render as the TA too.
    router.push("/");
    router.refresh();
  }

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className={
          className ??
          "rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
        }
      >
        View as <span className="sr-only">{name}</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${reasonId}-title`}
        className="m-auto w-[calc(100%-2rem)] max-w-md whitespace-normal rounded-lg bg-white p-5 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100"
      >
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
            void start(reason);
          }}
          className="space-y-4"
        >
          <h2 id={`${reasonId}-title`} className="text-lg font-semibold">
            View the dashboard as {name}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            You will see exactly what {name} sees, read-only. Every page you open is recorded in the audit log as you, on their behalf.
          </p>
          <div className="space-y-1">
            <label htmlFor={reasonId} className="block text-sm font-medium">
              Reason <span className="font-normal text-slate-500 dark:text-slate-400">(kept in the audit log)</span>
            </label>
            <input
              id={reasonId}
              name="reason"
              maxLength={500}
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950"
              placeholder="e.g. TA reported a missing session"
            />
          </div>
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 disabled:opacity-60"
            >
              {pending ? "Starting…" : "Start viewing"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
