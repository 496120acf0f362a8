// The filter menus of every page (client-safe): departments, roles and the TA picker, shaped from the
// one facets read (lib/facets/queries.ts) or from the facets a /system/activity answer carries.
import type { ActivityResponse } from "@/lib/activity/schemas";
import { taRoleLabels, taRoleLabel } from "@/lib/format/labels";
import { formatInteger } from "@/lib/format/numbers";

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterFacets {
  departments: FilterOption[];
  roles: FilterOption[];
  profiles: FilterOption[];
}

/** The filter menus of the sessions and problems pages from one /system/activity answer. */
export function filterFacets(activity: Pick<ActivityResponse, "analytics" | "resources">): FilterFacets {
  const profiles = Object.values(activity.resources)
    .map((profile) => ({
      value: profile.profile_id,
      label: profile.department_name ? `${profile.name} (${profile.department_name})` : profile.name,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, "en") || a.value.localeCompare(b.value));
  return {
    departments: activity.analytics.departments.map((department) => ({
      value: department.department_id,
      label: `${department.name} (${formatInteger(department.profile_count)})`,
    })),
    roles: activity.analytics.roles.map((role) => ({
      value: role.role,
      label: `${taRoleLabel(role.role)} (${formatInteger(role.profile_count)})`,
    })),
    profiles,
  };
}

export type FacetOptions = Pick<FilterFacets, "departments" | "roles">;

/** The filter menus from the `analytics` facets of /system/activity (they ignore the filters, so no option vanishes). */
export function facetOptions(analytics: ActivityResponse["analytics"]): FacetOptions {
  return {
    departments: analytics.departments.map((d) => ({ value: d.department_id, label: d.name })),
    roles: analytics.roles.map((r) => ({ value: r.role, label: taRoleLabels[r.role] })),
  };
}
