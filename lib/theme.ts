import "server-only";
import { cookies } from "next/headers";

export async function currentTheme(): Promise<"light" | "dark"> {
  return (await cookies()).get("glow-theme")?.value === "dark" ? "dark" : "light";
}
