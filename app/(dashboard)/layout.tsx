import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { browserActor } from "@/lib/auth/browser-actor";
import { currentTheme } from "@/lib/theme";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await browserActor();
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
