"use client";

import { useSearchParams } from "next/navigation";
import { TabLinks } from "@/components/ui/tab-links";
import type { ActivityView } from "@/lib/activity/search-params";

const views: { view: ActivityView; label: string }[] = [
  { view: "profiles", label: "Profiles" },
  { view: "follow_up", label: "Who needs follow-up" },
];

/** The page's two views as links, so the view is in the URL and each tab opens in a new tab too. */
export function ActivityTabs({ current }: { current: ActivityView }) {
  // Read on the client: a sort pushed without a server round trip is kept when switching views.
  const query = useSearchParams().toString();
  const tabs = views.map(({ view, label }) => {
    const params = new URLSearchParams(query);
    params.delete("view");
    if (view !== "profiles") params.set("view", view);
    return { href: params.size ? `/activity?${params}` : "/activity", label, current: view === current };
  });
  return <TabLinks label="Activity views" tabs={tabs} />;
}
