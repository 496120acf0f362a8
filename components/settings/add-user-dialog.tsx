"use client";

import { useId, useState } from "react";
import { type UserInviteResponse } from "@/lib/users/schemas";
import { InviteLink } from "./invite-link";
import { DialogFooter, primaryButtonClass, SettingsDialog } from "./settings-dialog";
import { FieldError, fieldClass, UserAccessFields, type AccessValues, type Department } from "./user-access-fields";
import { useSettingsMutation } from "./use-settings-mutation";
import { createUserEndpoint } from "@/lib/users/endpoints";

const initialAccess: AccessValues = { access_level: "ta", department_id: null, scoped_department_ids: [], ta_role: null };

export function AddUserDialog({ departments }: { departments: Department[] }) {
  const [open, setOpen] = useState(false);
  const [access, setAccess] = useState<AccessValues>(initialAccess);
  const [created, setCreated] = useState<UserInviteResponse | null>(null);
  const api = useSettingsMutation(createUserEndpoint);
  const id = useId();
  const errors = api.failure?.fields ?? {};

  function close() {
    setOpen(false);
    setCreated(null);
    setAccess(initialAccess);
    api.reset();
  }

  async function submit(form: FormData) {
    const result = await api.send({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      access_level: access.access_level,
      department_id: access.department_id ?? undefined,
      scoped_department_ids: access.access_level === "coordinator" ? access.scoped_department_ids : undefined,
      ta_role: access.access_level === "ta" ? (access.ta_role ?? undefined) : undefined,
    });
    if (result) setCreated(result);
  }

  const described = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {});
  return (
    <>
      <button type="button" className={primaryButtonClass} onClick={() => setOpen(true)}>
        Add user
      </button>
      <SettingsDialog open={open} onClose={close} title={created ? `${created.user.name} was added` : "Add user"}>
        {created ? (
          <div className="space-y-4">
            <InviteLink url={created.invite_url} expiresAt={created.invite_expires_at} name={created.user.name} />
            <div className="flex justify-end">
              <button type="button" className={primaryButtonClass} onClick={close}>
                Done
              </button>
            </div>
          </div>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submit(new FormData(event.currentTarget));
            }}
          >
            <div>
              <label htmlFor={`${id}-name`} className="block text-sm font-medium">
                Name
              </label>
              <input id={`${id}-name`} name="name" required maxLength={200} autoComplete="off" className={fieldClass} {...described("name")} />
              <FieldError id={`${id}-name-error`} message={errors.name} />
            </div>
            <div>
              <label htmlFor={`${id}-email`} className="block text-sm font-medium">
                Email
              </label>
              <input id={`${id}-email`} name="email" type="email" required autoComplete="off" className={fieldClass} {...described("email")} />
              <FieldError id={`${id}-email-error`} message={errors.email} />
            </div>
            <UserAccessFields value={access} onChange={setAccess} departments={departments} errors={errors} />
            <DialogFooter failure={api.failure?.message} onCancel={close}>
              <button type="submit" className={primaryButtonClass} disabled={api.pending}>
                {api.pending ? "Adding…" : "Add and create invitation"}
              </button>
            </DialogFooter>
          </form>
        )}
      </SettingsDialog>
    </>
  );
}
