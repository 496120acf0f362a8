import { defineEndpoint } from "@/lib/contract/endpoint";
import {
  createUserRequestSchema,
  inviteUserRequestSchema,
  listUsersRequestSchema,
  listUsersResponseSchema,
  updateUserRequestSchema,
  userInviteResponseSchema,
  userItemSchema,
} from "./schemas";

export const listUsersEndpoint = defineEndpoint({
  command: "users list",
  path: "/system/users",
  summary: "List user accounts (paginated)",
  description:
    "Every account ordered by name, filterable by name/email (contains, case-insensitive), access level, home department and status (active, disabled, or invited: no password set yet).",
  tag: "Access",
  body: listUsersRequestSchema,
  response: listUsersResponseSchema,
  access: ["admin"],
});

export const createUserEndpoint = defineEndpoint({
  command: "users create",
  path: "/system/users/create",
  summary: "Create a user and an invitation link",
  description:
    "Creates the account (email stored lower-case) and answers a single-use invitation link, valid 7 days, with which the person sets their password. The link is shown only in this answer. An email already in use answers 409; an unknown department 400 naming the field.",
  tag: "Access",
  body: createUserRequestSchema,
  response: userInviteResponseSchema,
  access: ["admin"],
  mutates: true,
});

export const updateUserEndpoint = defineEndpoint({
  command: "users update",
  path: "/system/users/update",
  summary: "Change a user's access, departments, role or name, or disable / enable them",
  description:
    "Only the fields given change. Changing the access level, departments or disabled state signs the person out of every browser session. You cannot disable yourself or remove your own admin access (409). Unknown profile_id answers 404.",
  tag: "Access",
  body: updateUserRequestSchema,
  response: userItemSchema,
  access: ["admin"],
  mutates: true,
});

export const inviteUserEndpoint = defineEndpoint({
  command: "users invite",
  path: "/system/users/invite",
  summary: "Issue a new invitation link",
  description:
    "Answers a fresh single-use link (valid 7 days) with which the person sets a password; any earlier link stops working. Refused (409) for disabled accounts.",
  tag: "Access",
  body: inviteUserRequestSchema,
  response: userInviteResponseSchema,
  access: ["admin"],
  mutates: true,
});
