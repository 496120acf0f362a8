// POST /system/activity: request and response schemas (client-safe: the dashboard and CLI share them).
import { z } from "zod";
import { accessLevel, activityFilters, checkDateWindow, taRole, timestamp, uuid } from "@/lib/api/common-schemas";

export const activityRequestSchema = z
  .strictObject({ ...activityFilters })
  .superRefine(checkDateWindow)
  .meta({
    id: "ActivityRequest",
    description:
      "All fields optional; an empty body means every profile you may see, all time. An empty department_ids or roles array means no filter.",
  });
export type ActivityRequest = z.infer<typeof activityRequestSchema>;

const count = (description: string) => z.int().min(0).meta({ description });

export const profileSummaryItemSchema = z
  .object({
    profile_id: uuid("profile_id"),
    profile_name: z.string(),
    sessions_count: count("Sessions the profile started in the window (by created_at)"),
    logins_count: count("Successful sign-ins by the profile in the window"),
    failed_logins_count: count("Failed sign-in attempts for the profile's email in the window (a wrong password or a disabled account)"),
    grants_count: count("Grants given to the profile in the window (by created_at)"),
    problems_count: count("Problems flagged in the window on the profile's sessions"),
    activity_count: count("sessions + chats + attempts + successful logins of the profile in the window"),
  })
  .meta({ id: "ProfileSummaryItem" });
export type ProfileSummaryItem = z.infer<typeof profileSummaryItemSchema>;

export const profileResourceSchema = z
  .object({
    profile_id: uuid("profile_id"),
    name: z.string(),
    email: z.string(),
    department_id: z.string().nullable(),
    department_name: z.string().nullable(),
    ta_role: taRole.nullable(),
    access_level: accessLevel,
  })
  .meta({ id: "ProfileResource", description: "Profile metadata for hydrating profile ids" });
export type ProfileResource = z.infer<typeof profileResourceSchema>;

export const activityAnalyticsSchema = z
  .object({
    departments: z
      .array(z.object({ department_id: z.string(), name: z.string(), profile_count: z.int().min(0) }))
      .meta({ description: "Departments you may filter by, with how many visible profiles each has; sorted by name" }),
    roles: z
      .array(z.object({ role: taRole, profile_count: z.int().min(0) }))
      .meta({ description: "TA roles present among the profiles you may see, in role order" }),
    min_date: timestamp.nullable().meta({ description: "Earliest session start you may see; null when there are none" }),
    max_date: timestamp.nullable().meta({ description: "Latest session start you may see; null when there are none" }),
  })
  .meta({
    id: "ActivityAnalytics",
    description: "Filter facets within your scope. They ignore the request's filters, so a dropdown keeps every option.",
  });

export const activityResponseSchema = z
  .object({
    sessions_count: count("Sessions started in the window by the profile set"),
    active_profiles_count: count("Profiles of the set with at least one session in the window"),
    logins_count: count("Successful sign-ins in the window by the profile set"),
    failed_logins_count: count(
      "Failed sign-in attempts in the window for the profile set's emails; attempts for unknown emails belong to no profile and are not counted",
    ),
    emulations_count: count("Emulations started in the window whose target is in the profile set"),
    profile_summary: z.array(profileSummaryItemSchema).meta({
      description:
        "Every TA of the set plus any other profile of the set with a non-zero count (failed sign-ins included), sorted by activity_count desc, then profile_name, then profile_id. The sessions_count values sum to the top-level sessions_count.",
    }),
    resources: z.record(z.string(), profileResourceSchema).meta({ description: "Metadata of every profile in profile_summary, keyed by profile id" }),
    analytics: activityAnalyticsSchema,
    data_as_of: timestamp.meta({
      description: "When the counts were read; they come from summaries kept current with every write, so this is the answer's own time",
    }),
  })
  .meta({
    id: "ActivityResponse",
    description:
      "The profile set is the profiles you may see (admin: all; coordinator: your departments; TA: yourself) matching department_ids and roles. Counts are events in the [date_from, date_to] window by that set.",
  });
export type ActivityResponse = z.infer<typeof activityResponseSchema>;
