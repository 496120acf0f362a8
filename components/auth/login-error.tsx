// next-auth puts these codes on /login as `?error=` (pages.error); people should read why, not the code.
const messages: Record<string, string> = {
  AccessDenied: "Single sign-on worked, but no active Glow Admin account uses that email address. Ask an administrator to add you.",
  SessionRequired: "Please sign in to continue.",
  CredentialsSignin: "That email and password do not match an active account.",
};
const fallback = "Single sign-on did not complete. Try again, or sign in with your email and password.";

export function loginErrorMessage(code: string): string {
  return (Object.hasOwn(messages, code) ? messages[code] : undefined) ?? fallback;
}

export function LoginError({ code }: { code: string }) {
  return (
    <p role="alert" className="mt-6 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {loginErrorMessage(code)}
    </p>
  );
}
