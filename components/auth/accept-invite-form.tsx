"use client";

import { startTransition, useActionState, useId } from "react";
import { minPasswordLength, type AcceptInviteState } from "@/lib/users/schemas";
import { InvalidInvite } from "./invalid-invite";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

export function AcceptInviteForm({
  email,
  action,
}: {
  email: string;
  action: (state: AcceptInviteState, form: FormData) => Promise<AcceptInviteState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  if (state.invalid) {
    return (
      <div className="mt-8" role="alert">
        <InvalidInvite />
      </div>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <form
      className="mt-8 space-y-5"
      noValidate
      // Not `action={formAction}`: React resets a form after its action, and a person fixing a too
      // short password should not find both fields emptied.
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => formAction(form));
      }}
    >
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div>
        <label htmlFor={`${id}-password`} className="block text-sm font-medium">
          New password
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={`${id}-password-help`}
          className={inputClass}
        />
        <p
          id={`${id}-password-help`}
          className={`mt-1 text-xs ${errors.password ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}`}
        >
          {errors.password ?? `At least ${minPasswordLength} characters. A few unrelated words make a good one.`}
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-confirm`} className="block text-sm font-medium">
          Repeat the password
        </label>
        <input
          id={`${id}-confirm`}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors.confirm ? true : undefined}
          aria-describedby={errors.confirm ? `${id}-confirm-error` : undefined}
          className={inputClass}
        />
        {errors.confirm ? (
          <p id={`${id}-confirm-error`} className="mt-1 text-xs text-red-700 dark:text-red-300">
            {errors.confirm}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}
