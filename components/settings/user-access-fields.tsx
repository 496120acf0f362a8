"use client";

import { useId } from "react";
import { accessLevelLabels, taRoleLabels } from "@/lib/format/labels";
import type { UserItem } from "@/lib/users/schemas";
import type { FieldErrors } from "./use-settings-mutation";

export interface Department {
  id: string;
  name: string;
}

export type AccessValues = Pick<UserItem, "access_level" | "department_id" | "scoped_department_ids" | "ta_role">;

export const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:[color-scheme:dark]";

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700 dark:text-red-300">
      {message}
    </p>
  );
}

/**
 * Access level, home department, a coordinator's extra departments and a TA's role: the same
 * controls in the "Add user" and "Edit access" dialogs. Scopes only apply to coordinators and the
 * role only to TAs, so each shows only when it means something.
 */
export function UserAccessFields({
  value,
  onChange,
  departments,
  errors,
}: {
  value: AccessValues;
  onChange: (value: AccessValues) => void;
  departments: Department[];
  errors: FieldErrors;
}) {
  const id = useId();
  const set = (change: Partial<AccessValues>) => onChange({ ...value, ...change });
  const described = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {});
  return (
    <>
      <div>
        <label htmlFor={`${id}-access`} className="block text-sm font-medium">
          Access level
        </label>
        <select
          id={`${id}-access`}
          className={fieldClass}
          value={value.access_level}
          onChange={(event) => set({ access_level: event.target.value as AccessValues["access_level"] })}
          {...described("access_level")}
        >
          {Object.entries(accessLevelLabels).map(([level, label]) => (
            <option key={level} value={level}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-access_level-error`} message={errors.access_level} />
      </div>
      <div>
        <label htmlFor={`${id}-department`} className="block text-sm font-medium">
          Department
        </label>
        <select
          id={`${id}-department`}
          className={fieldClass}
          value={value.department_id ?? ""}
          onChange={(event) => set({ department_id: event.target.value || null })}
          {...described("department_id")}
        >
          <option value="">None</option>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {department.name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-department_id-error`} message={errors.department_id} />
      </div>
      {value.access_level === "coordinator" ? (
        <fieldset {...described("scoped_department_ids")}>
          <legend className="text-sm font-medium">Also covers</legend>
          <p className="text-xs text-slate-600 dark:text-slate-300">Departments besides their own whose TAs this coordinator sees.</p>
          <div className="mt-1 grid max-h-40 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2 dark:border-slate-700">
            {departments.map((department) => (
              <label key={department.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={value.scoped_department_ids.includes(department.id)}
                  onChange={(event) =>
                    set({
                      scoped_department_ids: event.target.checked
                        ? [...value.scoped_department_ids, department.id]
                        : value.scoped_department_ids.filter((scoped) => scoped !== department.id),
                    })
                  }
                />
                {department.name}
              </label>
            ))}
          </div>
          <FieldError id={`${id}-scoped_department_ids-error`} message={errors.scoped_department_ids} />
        </fieldset>
      ) : null}
      {value.access_level === "ta" ? (
        <div>
          <label htmlFor={`${id}-role`} className="block text-sm font-medium">
            TA role
          </label>
          <select
            id={`${id}-role`}
            className={fieldClass}
            value={value.ta_role ?? ""}
            onChange={(event) => set({ ta_role: (event.target.value || null) as AccessValues["ta_role"] })}
            {...described("ta_role")}
          >
            <option value="">None</option>
            {Object.entries(taRoleLabels).map(([role, label]) => (
              <option key={role} value={role}>
                {label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-ta_role-error`} message={errors.ta_role} />
        </div>
      ) : null}
    </>
  );
}

/** The body fields for these values: scopes only for coordinators, the role only for TAs. */
export function accessBody(value: AccessValues) {
  return {
    access_level: value.access_level,
    scoped_department_ids: value.access_level === "coordinator" ? value.scoped_department_ids : [],
    ta_role: value.access_level === "ta" ? value.ta_role : null,
  };
}
