import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { gateCredentialsSignIn } from "@/lib/auth/sign-in-gate";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;
export const POST = (request: Request, context: Context) => gateCredentialsSignIn(request, () => handler(request, context));
