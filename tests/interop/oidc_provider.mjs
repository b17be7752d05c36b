// A certified OpenID Connect provider of another make (node-oidc-provider, from npm), started by
// the interoperability test to show that Jobnet's relying party logs in against it by
// configuration alone. Usage: node oidc_provider.mjs <config.json>; it prints "listening <port>"
// once it answers. Its development login form takes any login name: the account's claims come
// from the config file, named as a MitID broker names them. With "backchannel_logout_uri" in the
// config, it sends OpenID Back-Channel Logout tokens (with sid) to that URI when a login ends.
import { readFileSync } from "node:fs";
import Provider from "oidc-provider";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const issuer = `http://127.0.0.1:${config.port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: [config.redirect_uri],
      post_logout_redirect_uris: [config.post_logout_redirect_uri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      ...(config.backchannel_logout_uri
        ? {
            backchannel_logout_uri: config.backchannel_logout_uri,
            backchannel_logout_session_required: true,
          }
        : {}),
    },
  ],
  scopes: ["openid", "profile", "ssn", "mitid"],
  claims: {
    openid: ["sub"],
    profile: ["name", "given_name", "family_name"],
    ssn: [config.claims.cpr],
    mitid: [config.claims.uuid, config.claims.loa],
  },
  acrValues: [config.account.level],
  findAccount: async (_ctx, sub) => ({
    accountId: sub,
    claims: async () => ({
      sub,
      name: `${config.account.given_name} ${config.account.family_name}`,
      given_name: config.account.given_name,
      family_name: config.account.family_name,
      [config.claims.cpr]: config.account.cpr,
      [config.claims.uuid]: config.account.uuid,
      [config.claims.loa]: config.account.level,
    }),
  }),
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    backchannelLogout: { enabled: true },
  },
  cookies: { keys: [config.cookie_key] },
  // Jobnet runs on loopback in the tests: let the back-channel logout reach it (the provider
  // refuses special-use addresses by default, a protection a real broker keeps).
  fetch: (url, options) => fetch(url, { ...options, dispatcher: undefined }),
});
provider.proxy = false;
provider.on("backchannel.error", (_ctx, error) => console.error(`backchannel logout: ${error}`));
const server = provider.listen(config.port, "127.0.0.1", () => {
  console.log(`listening ${config.port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
