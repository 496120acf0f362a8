import type { ReactNode } from "react";

export function PageHeading({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {children ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{children}</p> : null}
      </div>
      {action}
    </div>
  );
}
