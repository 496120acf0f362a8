import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, peerAddressHeader } from "./client-address";

const request = (peer: string | null, forwardedFor?: string) => {
  const headers = new Headers();
  if (peer) headers.set(peerAddressHeader, peer);
  if (forwardedFor !== undefined) headers.set("x-forwarded-for", forwardedFor);
  return headers;
};

describe("clientAddress", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

  it("ignores X-Forwarded-For when no proxy is trusted, which is the default", () => {
    // Before the fix the first X-Forwarded-For entry was the audited address and the rate-limit key.
    expect(clientAddress(request("203.0.113.9", "1.2.3.4"), none)).toBe("203.0.113.9");
    expect(clientAddress(request("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8"), none)).toBe("203.0.113.9");
  });

  it.each([
    ["one trusted proxy", "10.1.2.3", "198.51.100.7", "198.51.100.7"],
    ["a chain of trusted proxies", "10.1.2.3", "198.51.100.7, 192.168.1.5", "198.51.100.7"],
    ["a spoofed left-most entry", "10.1.2.3", "6.6.6.6, 198.51.100.7", "198.51.100.7"],
    ["a spoofed entry naming a trusted proxy", "10.1.2.3", "10.9.9.9, 198.51.100.7", "198.51.100.7"],
    ["every hop trusted", "10.1.2.3", "10.4.4.4", "10.4.4.4"],
    ["a malformed entry", "10.1.2.3", "evil, 10.4.4.4", "10.4.4.4"],
    ["IPv6 proxies", "fd00::1", "[2001:db8::5]", "2001:db8::5"],
    ["an untrusted peer sending the header", "198.51.100.7", "10.1.2.3", "198.51.100.7"],
  ])("takes the right-most untrusted address: %s", (_, peer, forwarded, expected) => {
    expect(clientAddress(request(peer, forwarded), proxies)).toBe(expected);
  });

  it("knows no address for a request that did not come through Glow's server", () => {
    expect(clientAddress(request(null, "1.2.3.4"), proxies)).toBeNull();
  });

  it.each(["10.0.0.0/33", "not-an-ip", "10.0.0.1/8/1", "::1/129"])("refuses the setting %s at start", (setting) => {
    expect(() => parseTrustedProxies(setting)).toThrow(/GLOW_TRUSTED_PROXIES/);
  });
});

describe("the server that sets the peer address", () => {
  it("uses the header this module reads", async () => {
    // scripts/next-server.mjs is plain JavaScript run without a TypeScript loader, so it cannot
    // import this module; importing it here would start a server.
    const source = await readFile(new URL("../../scripts/next-server.mjs", import.meta.url), "utf8");
    expect(source).toContain(`export const peerAddressHeader = "${peerAddressHeader}";`);
  });
});
