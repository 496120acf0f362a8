// POST /system/users and its create / update / invite commands: request and response schemas (client-safe).
import { z } from "zod";
import { accessLevel, paginatedResponse, paginationRequest, taRole, timestamp, uuid } from "@/lib/api/common-schemas";

export const userStatus = z
  .enum(["active", "disabled", "invited"])
  .meta({ id: "UserStatus", description: "invited: has not set a password yet; disabled wins over invited" });
export type UserStatus = z.infer<typeof userStatus>;

const departmentId = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(100);

export const listUsersRequestSchema = z
  .strictObject({
    ...paginationRequest,
    search: z
      .string({ error: "search must be a string" })
      .trim()
      .max(200)
      .optional()
      .meta({ description: "Name or email contains (case-insensitive)" }),
    access_level: accessLevel.optional(),
    department_id: departmentId("department_id").optional().meta({ description: "Home department" }),
    status: userStatus.optional(),
  })
  .meta({ id: "ListUsersRequest" });
export type ListUsersRequest = z.infer<typeof listUsersRequestSchema>;

export const userItemSchema = z
  .object({
    profile_id: uuid("profile_id"),
    name: z.string(),
    email: z.string(),
    access_level: accessLevel,
    department_id: z.string().nullable(),
    department_name: z.string().nullable(),
    scoped_department_ids: z.array(z.string()).meta({ description: "Extra departments a coordinator covers" }),
    ta_role: taRole.nullable(),
    status: userStatus,
    disabled_at: timestamp.nullable(),
    invite_expires_at: timestamp.nullable().meta({ description: "When the pending invitation link stops working" }),
    created_at: timestamp,
    last_login_at: timestamp.nullable(),
  })
  .meta({ id: "UserItem" });
export type UserItem = z.infer<typeof userItemSchema>;

export const listUsersResponseSchema = paginatedResponse(userItemSchema).meta({ id: "ListUsersResponse" });
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>;

const name = z.string({ error: "name must be a string" }).trim().min(1, { error: "name must not be empty" }).max(200);
const scopedDepartmentIds = z
  .array(departmentId("scoped_department_ids item"))
  .max(200)
  .meta({ description: "Departments a coordinator covers besides their home one (replaces the list)" });

export const createUserRequestSchema = z
  .strictObject({
    name,
    email: z
      .string({ error: "email must be a string" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "email must be an email address" }))
      .pipe(z.string().max(320))
      .meta({ description: "Sign-in address, unique; stored lower-case", example: "ada@example.edu" }),
    access_level: accessLevel,
    department_id: departmentId("department_id").optional(),
    scoped_department_ids: scopedDepartmentIds.optional(),
    ta_role: taRole.optional(),
  })
  .meta({ id: "CreateUserRequest" });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    profile_id: uuid("profile_id"),
    name: name.optional(),
    access_level: accessLevel.optional(),
    department_id: departmentId("department_id").nullable().optional().meta({ description: "null clears the home department" }),
    scoped_department_ids: scopedDepartmentIds.optional(),
    ta_role: taRole.nullable().optional().meta({ description: "null clears the TA role" }),
    disabled: z.boolean({ error: "disabled must be a boolean" }).optional(),
  })
  .meta({ id: "UpdateUserRequest", description: "Only the fields given change." });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const inviteUserRequestSchema = z.strictObject({ profile_id: uuid("profile_id") }).meta({ id: "InviteUserRequest" });
export type InviteUserRequest = z.infer<typeof inviteUserRequestSchema>;

export const userInviteResponseSchema = z
  .object({
    user: userItemSchema,
    invite_url: z.url().meta({ description: "Shown once: only its hash is stored" }),
    invite_expires_at: timestamp,
  })
  .meta({ id: "UserInviteResponse" });
export type UserInviteResponse = z.infer<typeof userInviteResponseSchema>;

/** What the invitation page asks for; also checked again on the server. */
export const minPasswordLength = 12;
export const acceptInviteSchema = z
  .object({
    password: z
      .string()
      .min(minPasswordLength, { error: `The password must be at least ${minPasswordLength} characters` })
      .max(200, { error: "The password must be at most 200 characters" }),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "The passwords do not match" });

/** What the invitation page's server action answers when it does not redirect. */
export interface AcceptInviteState {
  fieldErrors?: { password?: string; confirm?: string };
  /** The link was unknown, used, expired or the account disabled meanwhile: all look the same. */
  invalid?: boolean;
}
