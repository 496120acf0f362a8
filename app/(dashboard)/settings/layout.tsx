import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { settingsAdmin } from "@/lib/auth/browser-actor";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await settingsAdmin();
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <SettingsTabs />
      </header>
      {children}
    </div>
  );
}
