import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    profile_id?: string;
    auth_version?: number;
    signed_in_at?: number;
  }
}

declare module "next-auth" {
  interface Session {
    profile_id?: string;
    auth_version?: number;
    signed_in_at?: number;
  }
}
