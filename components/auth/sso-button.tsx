"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts the university SSO round-trip; the IdP sends the browser back to `callbackUrl` or to /login?error=…. */
export function SsoButton({ providerId, name, callbackUrl }: { providerId: string; name: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl });
      }}
      className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
    >
      {pending ? "Redirecting…" : `Sign in with ${name}`}
    </button>
  );
}
