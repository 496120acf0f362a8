import { ActiveTasPerWeekChart } from "@/components/charts/active-tas-per-week-chart";
import { CostByDepartmentChart } from "@/components/charts/cost-by-department-chart";
import { ModelUsagePerDayChart } from "@/components/charts/model-usage-per-day-chart";
import { SessionsPerDayChart } from "@/components/charts/sessions-per-day-chart";
import { EmptyState } from "@/components/ui/states";
import { prepareKpis, prepareWindow } from "@/lib/dashboard/prepare";
import { prepareActiveTasPerWeek, prepareCostByDepartment, prepareSessionsPerDay, prepareUsagePerDay } from "@/lib/dashboard/prepare-charts";
import type { DashboardResponse } from "@/lib/dashboard/schemas";
import { KpiCards } from "./kpi-cards";
import { OpenProblemsCard } from "./open-problems-card";

/** Everything below the filters: the window in words, the KPI cards, the charts and the open problems. */
export function DashboardView({ data, now }: { data: DashboardResponse; now: Date }) {
  const window = prepareWindow(data.window);
  const usage = prepareUsagePerDay(data.usage_per_day);
  const { kpis } = data;
  const quiet = kpis.sessions.current === 0 && kpis.logins.current === 0 && kpis.tokens.current === 0 && kpis.open_problems.current === 0;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        <span className="font-medium text-slate-900 dark:text-slate-100" data-window>
          {window.current}
        </span>{" "}
        (UTC), compared with the {window.days === 1 ? "day" : `${window.days} days`} before: {window.previous}.
      </p>
      <KpiCards kpis={prepareKpis(kpis)} previousLabel={window.previous} />
      {quiet ? (
        <div className="rounded-lg border border-dashed border-slate-300 dark:border-slate-700">
          <EmptyState title="Nothing happened in this period">
            No sessions, sign-ins or model runs match. Pick a longer period, or clear the department and role filters.
          </EmptyState>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <SessionsPerDayChart view={prepareSessionsPerDay(data.sessions_per_day)} />
        <ActiveTasPerWeekChart view={prepareActiveTasPerWeek(data.active_tas_per_week, data.window)} />
        <ModelUsagePerDayChart view={usage} metric="tokens" />
        <ModelUsagePerDayChart view={usage} metric="cost" />
        <CostByDepartmentChart view={prepareCostByDepartment(data.cost_by_department)} />
        <OpenProblemsCard problems={data.open_problems} now={now} />
      </div>
    </div>
  );
}
