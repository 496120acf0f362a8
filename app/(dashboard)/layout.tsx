import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { browserActor } from "@/lib/auth/browser-actor";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { currentTheme } from "@/lib/theme";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  let actor: Awaited<ReturnType<typeof browserActor>>;
  try {
    actor = await browserActor();
  } catch (error) {
    // Every dashboard page reads the signed-in person first, so this is where an outage shows.
    if (isDatabaseUnavailable(error)) return <DatabaseUnavailable />;
    throw error;
  }
  if (!actor) {
    const path = (await headers()).get("x-glow-path") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return (
    <AppShell user={{ name: actor.name, access_level: actor.access_level, emulated_by: actor.emulation?.admin_name }} theme={await currentTheme()}>
      {children}
    </AppShell>
  );
}
