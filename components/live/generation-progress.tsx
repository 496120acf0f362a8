"use client";
// A group with a run in flight: how far each generation has got, from the spec's progress events,
// and a fresh page when a run is recorded or a generation ends.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { StreamEvent } from "@/lib/live/schemas";
import { LiveIndicator } from "./live-updates";
import { useLiveEvents } from "./use-live-events";

interface InFlight {
  label: string;
  percentage: number;
  detail: string;
}

const shortId = (id: string) => id.slice(0, 8);

export function GenerationProgress({ groupId }: { groupId: string }) {
  const router = useRouter();
  const [inFlight, setInFlight] = useState<Record<string, InFlight>>({});
  const status = useLiveEvents({ group_id: groupId }, (event: StreamEvent) => {
    switch (event.type) {
      case "GenerationProgressEvent":
      case "GenerationMediaProgressEvent": {
        const what =
          event.type === "GenerationMediaProgressEvent" ? `${event.media_type} for run ${shortId(event.run_id)}` : `run ${shortId(event.run_id)}`;
        const key = event.type === "GenerationMediaProgressEvent" ? `${event.run_id}:${event.media_type}` : event.run_id;
        const detail = `${event.completed_resources} of ${event.total_resources}`;
        setInFlight((now) => ({ ...now, [key]: { label: `Generating ${what}`, percentage: event.percentage, detail } }));
        return;
      }
      case "GenerationCompleteEvent":
      case "GenerationErrorEvent":
      case "GenerationMediaCompleteEvent":
        setInFlight((now) => Object.fromEntries(Object.entries(now).filter(([key]) => !key.startsWith(event.run_id))));
        router.refresh();
        return;
      case "RunRecordedEvent":
      case "ResyncEvent":
        router.refresh();
        return;
      default:
        return;
    }
  });
  const rows = Object.entries(inFlight);
  return (
    <section
      aria-label="Generation in progress"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Generation in progress</h2>
        <LiveIndicator status={status} />
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">A run is in flight; its progress appears here as it is reported.</p>
      ) : (
        <ul className="space-y-2">
          {rows.map(([key, row]) => (
            <li key={key} className="text-sm">
              <div className="flex justify-between gap-2">
                <span>{row.label}</span>
                <span className="tabular-nums text-slate-600 dark:text-slate-300">
                  {row.percentage}% ({row.detail})
                </span>
              </div>
              <progress className="mt-1 h-2 w-full accent-indigo-600" max={100} value={row.percentage} aria-label={row.label} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
