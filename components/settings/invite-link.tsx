"use client";

import { useId, useState } from "react";
import { formatUtc } from "@/lib/format/dates";
import { fieldClass } from "./user-access-fields";
import { smallButtonClass } from "./settings-dialog";

/** The invitation link, shown once (only its hash is stored), with a copy button. */
export function InviteLink({ url, expiresAt, name }: { url: string; expiresAt: string; name: string }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Send this link to {name}. It works once, until {formatUtc(expiresAt)}, and is shown only now: if it gets lost, make a new one.
      </p>
      <label htmlFor={id} className="block text-sm font-medium">
        Invitation link
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={url}
          data-invite-url
          onFocus={(event) => event.currentTarget.select()}
          className={`${fieldClass} mt-0 font-mono text-xs`}
        />
        <button
          type="button"
          className={`${smallButtonClass} shrink-0`}
          onClick={() =>
            navigator.clipboard.writeText(url).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            )
          }
        >
          Copy link
        </button>
      </div>
      <p role="status" className="min-h-5 text-xs text-slate-600 dark:text-slate-300">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Copying is blocked here: select the link and copy it by hand." : ""}
      </p>
    </div>
  );
}
