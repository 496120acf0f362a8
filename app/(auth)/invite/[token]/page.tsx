import type { Metadata } from "next";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { InvalidInvite } from "@/components/auth/invalid-invite";
import { findInvite } from "@/lib/users/accept-invite";
import { acceptInviteAction } from "./actions";

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        {invite ? (
          <>
            <h1 className="text-2xl font-semibold tracking-tight">Welcome to Glow Admin</h1>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
              Choose a password for <span className="font-medium text-slate-900 dark:text-slate-100">{invite.name}</span> (
              <span className="break-all">{invite.email}</span>). You will sign in with this email address.
            </p>
            <AcceptInviteForm email={invite.email} action={acceptInviteAction.bind(null, token)} />
          </>
        ) : (
          <InvalidInvite />
        )}
      </div>
    </main>
  );
}
