// Who is calling, for audit rows, sign-in throttling and rate limits. The address the connection
// came from is set by Glow's own HTTP server (scripts/next-server.mjs) in `peerAddressHeader`,
// overwriting anything a client sent. X-Forwarded-For is believed only hop by hop from the right,
// and only while the hop that wrote an entry is a configured proxy (GLOW_TRUSTED_PROXIES, IPs or
// CIDRs, comma-separated; none by default): the right-most address not a trusted proxy is the client.
import { BlockList, isIP } from "node:net";

export const peerAddressHeader = "x-glow-peer-address";

export function normalizeAddress(raw: string | null | undefined): string | null {
  let address = raw?.trim() ?? "";
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}

/** Parses `GLOW_TRUSTED_PROXIES`; throws naming the bad entry, so a typo stops the server at start. */
export function parseTrustedProxies(setting: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (setting ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [base, bits, ...rest] = entry.split("/");
    const address = normalizeAddress(base);
    const family = address && isIP(address) === 6 ? "ipv6" : "ipv4";
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxPrefix = family === "ipv6" ? 128 : 32;
    if (!address || rest.length || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxPrefix))) {
      throw new Error(`GLOW_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
  }
  return list;
}

let fromEnv: BlockList | undefined;
function trustedFromEnv(): BlockList {
  fromEnv ??= parseTrustedProxies(process.env.GLOW_TRUSTED_PROXIES);
  return fromEnv;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** The caller's address, or null when the request did not come through Glow's server (in-process calls). */
export function clientAddress(headers: Headers, trusted: BlockList = trustedFromEnv()): string | null {
  const peer = normalizeAddress(headers.get(peerAddressHeader));
  if (!peer) return null;
  let client = peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").reverse();
  for (const entry of forwarded) {
    if (!isTrusted(trusted, client)) break;
    const hop = normalizeAddress(entry);
    // A malformed entry was not written by a trusted proxy: stop at the last hop that was.
    if (!hop) break;
    client = hop;
  }
  return client;
}
