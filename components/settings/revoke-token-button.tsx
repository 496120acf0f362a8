"use client";

import { useState } from "react";
import { tokenItemSchema, type TokenItem } from "@/lib/tokens/schemas";
import { dangerButtonClass, quietButtonClass, SettingsDialog, smallButtonClass } from "./settings-dialog";
import { useUsersApi } from "./use-users-api";

export function RevokeTokenButton({ token }: { token: TokenItem }) {
  const [open, setOpen] = useState(false);
  const api = useUsersApi("/system/tokens/revoke", tokenItemSchema);
  const close = () => {
    setOpen(false);
    api.reset();
  };
  return (
    <>
      <button type="button" className={smallButtonClass} onClick={() => setOpen(true)}>
        Revoke<span className="sr-only"> {token.name}</span>
      </button>
      <SettingsDialog open={open} onClose={close} title={`Revoke “${token.name}”?`}>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Scripts using this token ({token.token_prefix}…, acting as {token.profile_name}) get 401 from the next request on. This cannot be undone.
        </p>
        {api.failure ? (
          <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
            {api.failure.message}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={quietButtonClass} onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className={dangerButtonClass}
            disabled={api.pending}
            onClick={async () => {
              if (await api.send({ token_id: token.token_id })) close();
            }}
          >
            {api.pending ? "Revoking…" : "Revoke token"}
          </button>
        </div>
      </SettingsDialog>
    </>
  );
}
