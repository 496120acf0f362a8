"use client";

import { useState } from "react";
import { type TokenItem } from "@/lib/tokens/schemas";
import { dangerButtonClass, DialogFooter, SettingsDialog, smallButtonClass } from "./settings-dialog";
import { useSettingsMutation } from "./use-settings-mutation";
import { revokeTokenEndpoint } from "@/lib/tokens/endpoints";

export function RevokeTokenButton({ token }: { token: TokenItem }) {
  const [open, setOpen] = useState(false);
  const api = useSettingsMutation(revokeTokenEndpoint);
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
        <DialogFooter className="mt-4" failure={api.failure?.message} onCancel={close}>
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
        </DialogFooter>
      </SettingsDialog>
    </>
  );
}
