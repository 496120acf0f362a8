// Which runs and messages one page of a group's detail holds. A group's messages form one sequence
// ordered by (run.created_at, run.id, message.position); message_offset/message_limit cut a window
// out of it. Knowing only each run's message count, we find the runs the window touches and how many
// messages of the first one to skip, so the database returns just the window.

export interface RunMessageCount {
  id: string;
  message_count: number;
}

export interface MessageWindowPlan {
  total_message_count: number;
  /** Runs to list on this page, in order: those with messages in the window and the empty runs it holds. */
  run_ids: string[];
  /** The runs whose messages fall in the window, in order. */
  message_run_ids: string[];
  /** Messages of the first of message_run_ids that lie before the window. */
  skip_in_first_run: number;
}

/**
 * `runs` must be in sequence order. An empty run is listed on the page holding the message that
 * follows it; empty runs after the last message go with the last message's page (or the first page
 * when the group has no messages), so paging through every page lists every run exactly once.
 */
export function planMessageWindow(runs: readonly RunMessageCount[], offset: number, limit: number): MessageWindowPlan {
  const total = runs.reduce((sum, run) => sum + run.message_count, 0);
  const end = offset + limit;
  const trailingOnThisPage = total === 0 ? offset === 0 : offset < total && total <= end;
  const plan: MessageWindowPlan = { total_message_count: total, run_ids: [], message_run_ids: [], skip_in_first_run: 0 };

  let start = 0;
  for (const run of runs) {
    const runEnd = start + run.message_count;
    if (run.message_count > 0) {
      if (start < end && runEnd > offset) {
        if (plan.message_run_ids.length === 0) plan.skip_in_first_run = Math.max(0, offset - start);
        plan.message_run_ids.push(run.id);
        plan.run_ids.push(run.id);
      }
    } else if (start < total ? offset <= start && start < end : trailingOnThisPage) {
      plan.run_ids.push(run.id);
    }
    start = runEnd;
  }
  return plan;
}
