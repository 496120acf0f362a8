"use client";

import { useState } from "react";
import { ViewAsButton } from "@/components/emulation/view-as-button";
import { type UserInviteResponse, type UserItem } from "@/lib/users/schemas";
import { EditUserDialog } from "./edit-user-dialog";
import { InviteLink } from "./invite-link";
import { dangerButtonClass, DialogFooter, primaryButtonClass, quietButtonClass, SettingsDialog, smallButtonClass } from "./settings-dialog";
import type { Department } from "./user-access-fields";
import { useSettingsMutation } from "./use-settings-mutation";
import { inviteUserEndpoint, updateUserEndpoint } from "@/lib/users/endpoints";

export function UserRowActions({ user, departments, currentProfileId }: { user: UserItem; departments: Department[]; currentProfileId: string }) {
  const isSelf = user.profile_id === currentProfileId;
  const disabled = user.status === "disabled";
  return (
    // Wraps onto a second line rather than pushing the last actions out of sight on a laptop screen.
    <div className="flex max-w-[11rem] flex-wrap items-center gap-1.5">
      <EditUserDialog user={user} departments={departments} isSelf={isSelf} />
      {isSelf ? null : <DisableToggle user={user} />}
      {disabled ? null : <NewInviteLink user={user} />}
      {user.status === "active" && user.access_level === "ta" ? (
        <ViewAsButton profileId={user.profile_id} name={user.name} className={smallButtonClass} />
      ) : null}
    </div>
  );
}

function DisableToggle({ user }: { user: UserItem }) {
  const [open, setOpen] = useState(false);
  const api = useSettingsMutation(updateUserEndpoint);
  const disabling = user.status !== "disabled";
  const verb = disabling ? "Disable" : "Enable";
  return (
    <>
      <button type="button" className={smallButtonClass} onClick={() => (api.reset(), setOpen(true))}>
        {verb} <span className="sr-only">{user.name}</span>
      </button>
      <SettingsDialog open={open} onClose={() => setOpen(false)} title={`${verb} ${user.name}?`}>
        <p className="text-sm text-slate-700 dark:text-slate-200">
          {disabling
            ? `${user.name} is signed out at once and can no longer sign in or use API tokens. Their records stay.`
            : `${user.name} can sign in again with their password (or a new invitation link).`}
        </p>
        <DialogFooter className="mt-4" failure={api.failure?.message} onCancel={() => setOpen(false)}>
          <button
            type="button"
            className={disabling ? dangerButtonClass : primaryButtonClass}
            disabled={api.pending}
            onClick={async () => {
              if (await api.send({ profile_id: user.profile_id, disabled: disabling })) setOpen(false);
            }}
          >
            {api.pending ? "Saving…" : verb}
          </button>
        </DialogFooter>
      </SettingsDialog>
    </>
  );
}

function NewInviteLink({ user }: { user: UserItem }) {
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<UserInviteResponse | null>(null);
  const api = useSettingsMutation(inviteUserEndpoint);
  const close = () => (setOpen(false), setIssued(null));
  return (
    <>
      <button type="button" className={smallButtonClass} onClick={() => (api.reset(), setOpen(true))}>
        New invite link <span className="sr-only">for {user.name}</span>
      </button>
      <SettingsDialog open={open} onClose={close} title={`New invitation link for ${user.name}`}>
        {issued ? (
          <InviteLink url={issued.invite_url} expiresAt={issued.invite_expires_at} name={user.name} />
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-200">
            A new link lets {user.name} set {user.status === "invited" ? "a" : "a new"} password. Any earlier link stops working.
          </p>
        )}
        {api.failure ? (
          <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
            {api.failure.message}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          {issued ? (
            <button type="button" className={primaryButtonClass} onClick={close}>
              Done
            </button>
          ) : (
            <>
              <button type="button" className={quietButtonClass} onClick={close}>
                Cancel
              </button>
              <button
                type="button"
                className={primaryButtonClass}
                disabled={api.pending}
                onClick={async () => setIssued(await api.send({ profile_id: user.profile_id }))}
              >
                {api.pending ? "Creating…" : "Create link"}
              </button>
            </>
          )}
        </div>
      </SettingsDialog>
    </>
  );
}
