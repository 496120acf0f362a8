import Link from "next/link";

export interface TabLink {
  href: string;
  label: string;
  current: boolean;
}

/** Tabs that are links, so the chosen tab lives in the URL and opens in a new browser tab too. */
export function TabLinks({ label, tabs }: { label: string; tabs: TabLink[] }) {
  return (
    <nav aria-label={label} className="border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map(({ href, label: text, current }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className={`inline-block whitespace-nowrap rounded-t-md border-b-2 px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 ${
                current
                  ? "border-indigo-700 text-indigo-800 dark:border-indigo-300 dark:text-indigo-200"
                  : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
              }`}
            >
              {text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
