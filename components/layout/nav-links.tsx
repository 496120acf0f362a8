"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/", label: "Dashboard" },
  { href: "/activity", label: "Activity" },
  { href: "/sessions", label: "Sessions" },
  { href: "/pricing", label: "Pricing" },
  { href: "/agents", label: "Agents" },
  { href: "/problems", label: "Problems" },
  { href: "/api-docs", label: "API" },
];

// Settings (users, API tokens, the audit log) exist only for admins; the pages check it again.
const adminLinks = [{ href: "/settings", label: "Settings" }];

export function NavLinks({ showAdminLinks }: { showAdminLinks: boolean }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
      {(showAdminLinks ? [...links, ...adminLinks] : links).map(({ href, label }) => {
        const current = href === "/" ? pathname === "/" : pathname.startsWith(href);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 ${
                current
                  ? "bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
