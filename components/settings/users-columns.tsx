import type { ColumnDef } from "@tanstack/react-table";
import type { ColumnMeta } from "@/components/data-table/data-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { accessLevelLabels, taRoleLabels, userStatusLabels } from "@/lib/format/labels";
import type { UserItem, UserStatus } from "@/lib/users/schemas";
import type { Department } from "./user-access-fields";
import { UserRowActions } from "./user-row-actions";

type Column = ColumnDef<UserItem, unknown> & { id: string; meta: ColumnMeta & { label: string } };

const statusTone: Record<UserStatus, BadgeTone> = { active: "green", invited: "amber", disabled: "red" };
const none = <span className="text-slate-500 dark:text-slate-400">—</span>;

export function userColumns({ departments, currentProfileId, now }: { departments: Department[]; currentProfileId: string; now: string }): Column[] {
  const clock = new Date(now);
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  return [
    {
      id: "name",
      header: "Name",
      meta: { label: "Name" },
      cell: ({ row }) => (
        <div data-profile-id={row.original.profile_id}>
          <p className="font-medium">{row.original.name}</p>
          <p className="text-xs text-slate-600 dark:text-slate-300">{row.original.email}</p>
        </div>
      ),
    },
    {
      id: "access_level",
      header: "Access",
      meta: { label: "Access" },
      cell: ({ row }) => accessLevelLabels[row.original.access_level],
    },
    {
      id: "department",
      header: "Department",
      meta: { label: "Department" },
      cell: ({ row }) => {
        const scoped = row.original.scoped_department_ids.map((id) => departmentName.get(id) ?? id);
        return (
          <div>
            <p>{row.original.department_name ?? none}</p>
            {scoped.length ? <p className="text-xs text-slate-600 dark:text-slate-300">Also: {scoped.join(", ")}</p> : null}
          </div>
        );
      },
    },
    {
      id: "ta_role",
      header: "TA role",
      meta: { label: "TA role" },
      cell: ({ row }) => (row.original.ta_role ? taRoleLabels[row.original.ta_role] : none),
    },
    {
      id: "status",
      header: "Status",
      meta: { label: "Status" },
      cell: ({ row }) => <Badge tone={statusTone[row.original.status]}>{userStatusLabels[row.original.status]}</Badge>,
    },
    {
      id: "last_login_at",
      header: "Last sign-in",
      meta: { label: "Last sign-in" },
      cell: ({ row }) => <TimeAgo iso={row.original.last_login_at} now={clock} />,
    },
    {
      id: "actions",
      header: "Actions",
      meta: { label: "Actions" },
      cell: ({ row }) => <UserRowActions user={row.original} departments={departments} currentProfileId={currentProfileId} />,
    },
  ];
}
