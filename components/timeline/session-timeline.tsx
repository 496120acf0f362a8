"use client";

import Link from "next/link";
import { useState } from "react";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatInteger } from "@/lib/format/numbers";
import { describeTimelineEvent, elapsedSince, timelinePreviewSize, visibleTimeline } from "@/lib/sessions/prepare";
import type { SessionTimelineItem } from "@/lib/sessions/schemas";
import { TimelineIcon } from "./timeline-icon";

/**
 * The unified timeline as a vertical list in the API's (chronological) order. Long sessions show
 * the first events and draw the rest only on request, so the first paint stays small.
 */
export function SessionTimeline({ events, startedAt, now }: { events: SessionTimelineItem[]; startedAt: string | null; now: string }) {
  const [showAll, setShowAll] = useState(false);
  const shown = visibleTimeline(events, showAll);
  const clock = new Date(now);

  if (events.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">Nothing has happened in this session yet.</p>;
  }
  return (
    <div>
      <ol
        className="relative max-w-3xl space-y-4 before:absolute before:bottom-2 before:left-4 before:top-2 before:w-px before:bg-slate-200 dark:before:bg-slate-700"
        aria-label="Session timeline"
      >
        {shown.map((event, index) => {
          const view = describeTimelineEvent(event);
          const elapsed = elapsedSince(startedAt, event.created_at);
          return (
            <li key={`${event.event_type}-${event.entity_id}-${index}`} className="relative flex gap-3" data-event-type={event.event_type}>
              <TimelineIcon type={event.event_type} tone={view.tone} />
              <div className="min-w-0 pt-1">
                <p className="text-sm font-medium">{view.title}</p>
                {view.subject ? (
                  <p className="break-words text-sm text-slate-600 dark:text-slate-300">
                    {view.href ? (
                      <Link
                        href={view.href}
                        className="text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
                      >
                        {view.subject}
                      </Link>
                    ) : (
                      view.subject
                    )}
                  </p>
                ) : null}
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  <TimeAgo iso={event.created_at} now={clock} />
                  {elapsed ? <span> · {elapsed}</span> : null}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      {events.length > timelinePreviewSize ? (
        <button
          type="button"
          onClick={() => setShowAll((value) => !value)}
          aria-expanded={showAll}
          className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {showAll ? `Show the first ${formatInteger(timelinePreviewSize)} events only` : `Show all ${formatInteger(events.length)} events`}
        </button>
      ) : null}
    </div>
  );
}
