import { describe, expect, it } from "vitest";
import { oidcProvider, oidcSettingsFromEnv } from "./oidc-provider";

const complete = {
  GLOW_OIDC_ISSUER: "https://sso.university.example/realms/staff/",
  GLOW_OIDC_CLIENT_ID: "glow",
  GLOW_OIDC_CLIENT_SECRET: "s3cret",
};

describe("oidcSettingsFromEnv", () => {
  it("is off when nothing is configured", () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
  });

  it.each(Object.keys(complete))("is off while %s is missing or blank", (name) => {
    expect(oidcSettingsFromEnv({ ...complete, [name]: undefined })).toBeNull();
    expect(oidcSettingsFromEnv({ ...complete, [name]: "  " })).toBeNull();
  });

  it("reads the issuer without its trailing slash and labels the button", () => {
    expect(oidcSettingsFromEnv(complete)).toEqual({
      issuer: "https://sso.university.example/realms/staff",
      clientId: "glow",
      clientSecret: "s3cret",
      name: "University SSO",
    });
    expect(oidcSettingsFromEnv({ ...complete, GLOW_OIDC_NAME: "Campus Login" })?.name).toBe("Campus Login");
  });
});

describe("oidcProvider", () => {
  const settings = oidcSettingsFromEnv(complete);
  if (!settings) throw new Error("complete settings must parse");
  const provider = oidcProvider(settings);

  it("discovers the issuer's endpoints and verifies with PKCE, state and the ID token", () => {
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oauth",
      name: "University SSO",
      issuer: "https://sso.university.example/realms/staff",
      wellKnown: "https://sso.university.example/realms/staff/.well-known/openid-configuration",
      clientId: "glow",
      clientSecret: "s3cret",
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
    });
  });

  it("takes the email claim in lower case", async () => {
    expect(await provider.profile({ sub: "u1", email: " Ada@University.Example ", name: "Ada" }, {})).toEqual({
      id: "u1",
      email: "ada@university.example",
      name: "Ada",
    });
  });
});
