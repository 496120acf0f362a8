"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { ApiCallError, callEndpoint } from "@/lib/contract/api-client";
import { startEmulationEndpoint } from "@/lib/emulation/endpoints";

export interface ViewAsTarget {
  profileId: string;
  name: string;
}

/**
 * The "why are you viewing as …" dialog and its start action, one per page however many buttons
 * open it (a table of 400 TAs renders one dialog, not 400): open(target) shows it for that TA.
 */
export function useViewAsDialog(): { open: (target: ViewAsTarget) => void; dialog: ReactNode } {
  const [target, setTarget] = useState<ViewAsTarget | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (target && !dialog.current?.open) dialog.current?.showModal();
  }, [target]);
  return {
    open: (next) => setTarget({ ...next }),
    dialog: <ViewAsDialog dialog={dialog} target={target} onClosed={() => setTarget(null)} />,
  };
}

/** Starts viewing as one TA: a button with its own dialog (a session's header, a user's row). */
export function ViewAsButton({ profileId, name, className }: { profileId: string; name: string; className?: string }) {
  const viewAs = useViewAsDialog();
  return (
    <>
      <button type="button" onClick={() => viewAs.open({ profileId, name })} className={className ?? viewAsButtonClass}>
        View as <span className="sr-only">{name}</span>
      </button>
      {viewAs.dialog}
    </>
  );
}

export const viewAsButtonClass =
  "rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800";

/**
 * The admin says why (kept in the audit trail), then the whole dashboard reloads as that TA sees it,
 * with the banner that ends it.
 */
function ViewAsDialog({
  dialog,
  target,
  onClosed,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  target: ViewAsTarget | null;
  onClosed: () => void;
}) {
  const router = useRouter();
  const reasonId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const name = target?.name ?? "";

  async function start(reason: string) {
    if (!target) return;
    setPending(true);
    setError(null);
    try {
      await callEndpoint(startEmulationEndpoint, reason ? { profile_id: target.profileId, reason } : { profile_id: target.profileId });
    } catch (error) {
      setError(error instanceof ApiCallError && error.code ? error.message : "The emulation could not be started.");
      setPending(false);
      return;
    }
    // Refresh as well as navigate: the shared layout (banner, navigation) must render as the TA too.
    router.push("/");
    router.refresh();
  }

  return (
    <dialog
      ref={dialog}
      onClose={() => {
        setError(null);
        onClosed();
      }}
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
  );
}
