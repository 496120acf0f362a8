import Link from "next/link";
import type { ReactNode } from "react";
import { EmulationBanner } from "./emulation-banner";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

export interface ShellUser {
  name: string;
  access_level: string;
  /** Set while an admin views the dashboard as this user. */
  emulated_by?: string;
}

export function AppShell({ user, theme, children }: { user: ShellUser; theme: "light" | "dark"; children: ReactNode }) {
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <nav aria-label="Main" className="border-b border-slate-200 px-3 py-3 md:w-56 md:shrink-0 md:border-b-0 md:border-r dark:border-slate-800">
        <Link href="/" className="mb-3 block px-3 text-lg font-semibold tracking-tight">
          Glow Admin
        </Link>
        <NavLinks showAdminLinks={user.access_level === "admin" && !user.emulated_by} />
      </nav>
      <div className="min-w-0 flex-1">
        {user.emulated_by ? <EmulationBanner targetName={user.name} adminName={user.emulated_by} /> : null}
        <header className="flex items-center justify-end gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
          <span className="mr-auto text-sm text-slate-600 dark:text-slate-300">
            {user.name} <span className="text-slate-500 dark:text-slate-400">· {user.access_level}</span>
          </span>
          <ThemeToggle initial={theme} />
          <SignOutButton />
        </header>
        <main id="main" className="px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
