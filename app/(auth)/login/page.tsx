import type { Metadata } from "next";
import { LoginError } from "@/components/auth/login-error";
import { LoginForm } from "@/components/auth/login-form";
import { LoginNotice } from "@/components/auth/login-notice";
import { SsoButton } from "@/components/auth/sso-button";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { oidcProviderId, oidcSettingsFromEnv } from "@/lib/auth/oidc-provider";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; notice?: string }> }) {
  const { callbackUrl, error, notice } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  const sso = oidcSettingsFromEnv();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Glow Admin</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          Training records are student records: access is limited and every view is logged.
        </p>
        {notice ? <LoginNotice code={notice} /> : null}
        {error ? <LoginError code={error} /> : null}
        {sso ? (
          <div className="mt-8">
            <SsoButton providerId={oidcProviderId} name={sso.name} callbackUrl={target} />
            <p className="mt-6 flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              <span aria-hidden className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
              or with your password
              <span aria-hidden className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
            </p>
          </div>
        ) : null}
        <LoginForm callbackUrl={target} />
      </div>
    </main>
  );
}
