"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { databaseUnavailableSignInError, retryAfterOf } from "@/lib/auth/sign-in-errors";

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const credentials = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirect: false, callbackUrl };
    let result = await signIn("credentials", credentials);
    // On a first visit two overlapping session requests can each set a new CSRF cookie, leaving the
    // token this form sent stale; next-auth then answers "?csrf=true" without signing in. The cookie
    // has settled by now, so one retry is enough.
    if (result?.url?.includes("csrf=true")) result = await signIn("credentials", credentials);
    setPending(false);
    const wait = retryAfterOf(result?.error);
    if (wait !== null) {
      setError(`Too many sign-in attempts. Try again in ${formatWait(wait)}.`);
      return;
    }
    if (result?.error === databaseUnavailableSignInError) {
      setError("The database is unavailable right now. Try again in a moment.");
      return;
    }
    if (!result || result.error || result.url?.includes("csrf=true")) {
      setError("That email and password do not match an active account.");
      return;
    }
    // A full navigation, so every server component renders with the new session cookie.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        />
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
