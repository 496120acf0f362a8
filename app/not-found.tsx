import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/layout/app-shell";
import { browserActor } from "@/lib/auth/browser-actor";
import { currentTheme } from "@/lib/theme";

export const metadata: Metadata = { title: "Page not found" };

// Every address the app does not know: HTTP 404, inside the dashboard's frame for a signed-in
// person, with a way back.
export default async function NotFound() {
  const actor = await browserActor();
  const body = (
    <div className="mx-auto max-w-xl space-y-3 py-12 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-300">There is no page at this address. Check the link, or start again from the overview.</p>
      <Link
        href={actor ? "/" : "/login"}
        className="inline-block rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2"
      >
        {actor ? "Go to the overview" : "Go to sign-in"}
      </Link>
    </div>
  );
  if (!actor) return <main className="px-4">{body}</main>;
  return (
    <AppShell user={{ name: actor.name, access_level: actor.access_level, emulated_by: actor.emulation?.admin_name }} theme={await currentTheme()}>
      {body}
    </AppShell>
  );
}
