"use client";

import { useState } from "react";
import { type UserItem } from "@/lib/users/schemas";
import { DialogFooter, primaryButtonClass, SettingsDialog, smallButtonClass } from "./settings-dialog";
import { accessBody, UserAccessFields, type AccessValues, type Department } from "./user-access-fields";
import { useSettingsMutation } from "./use-settings-mutation";
import { updateUserEndpoint } from "@/lib/users/endpoints";

function accessOf(user: UserItem): AccessValues {
  return {
    access_level: user.access_level,
    department_id: user.department_id,
    scoped_department_ids: user.scoped_department_ids,
    ta_role: user.ta_role,
  };
}

export function EditUserDialog({ user, departments, isSelf }: { user: UserItem; departments: Department[]; isSelf: boolean }) {
  const [open, setOpen] = useState(false);
  const [access, setAccess] = useState<AccessValues>(() => accessOf(user));
  const api = useSettingsMutation(updateUserEndpoint);

  function show() {
    setAccess(accessOf(user));
    api.reset();
    setOpen(true);
  }

  async function save() {
    if (await api.send({ profile_id: user.profile_id, department_id: access.department_id, ...accessBody(access) })) setOpen(false);
  }

  return (
    <>
      <button type="button" className={smallButtonClass} onClick={show}>
        Edit <span className="sr-only">access of {user.name}</span>
      </button>
      <SettingsDialog open={open} onClose={() => setOpen(false)} title={`Access of ${user.name}`}>
        <form
          className="space-y-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <UserAccessFields value={access} onChange={setAccess} departments={departments} errors={api.failure?.fields ?? {}} />
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {isSelf
              ? "You cannot remove your own admin access: ask another admin."
              : "Changing the access level or departments signs them out everywhere; they see the new scope when they sign in again."}
          </p>
          <DialogFooter failure={api.failure?.message} onCancel={() => setOpen(false)}>
            <button type="submit" className={primaryButtonClass} disabled={api.pending}>
              {api.pending ? "Saving…" : "Save"}
            </button>
          </DialogFooter>
        </form>
      </SettingsDialog>
    </>
  );
}
