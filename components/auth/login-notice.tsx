// Positive notices other pages send people to /login with, as `?notice=`; unknown codes show nothing.
const notices: Record<string, string> = {
  password_set: "Your password is set. Sign in with your email address and the new password.",
  signed_out: "You are signed out.",
};

export function LoginNotice({ code }: { code: string }) {
  if (!Object.hasOwn(notices, code)) return null;
  return (
    <p role="status" className="mt-6 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
      {notices[code]}
    </p>
  );
}
