"""The MitID simulator: a small, standards-compliant OpenID provider for development and tests.

Never enabled in production (the configuration refuses it). The app registers `bp` at
`/mitid-sim` when MITID_SIMULATOR_ENABLED is true. Built on Authlib's server side: the
authorization code flow with PKCE (S256, required), client_secret_basic or client_secret_post at
the token endpoint, ID tokens signed with RS256 (OpenID Discovery requires it), userinfo for
bearer tokens, and RP-initiated logout.

Endpoints (under the issuer, MITID_SIM_ISSUER or PUBLIC_BASE_URL + "/mitid-sim"):
    /.well-known/openid-configuration   discovery
    /jwks                               public signing keys, each with a `kid`
    /authorize                          GET: the login page; POST: completes or cancels
    /token                              authorization code → access token and ID token
    /userinfo                           the identity claims, for a bearer access token
    /logout                             end session (id_token_hint, post_logout_redirect_uri)

Configuration:
    MITID_SIM_ISSUER     override of the issuer URL (must end at the blueprint's mount point)
    MITID_SIM_KEY_PATH   the key file (default: <instance dir>/mitid-sim-key.json)
    MITID_SIM_CLIENTS    the registered clients, a list of dicts or its JSON text, each with
                         client_id, client_secret, kind ("citizen" or "caseworker"),
                         redirect_uris, post_logout_redirect_uris and optionally scope; a URI
                         starting with "/" is relative to PUBLIC_BASE_URL. Empty: the defaults
                         jobnet-citizen / dev-citizen-secret (/auth/callback) and
                         jobnet-caseworker / dev-caseworker-secret (/auth/caseworker/callback),
                         both with post-logout URI /auth/logged-out.

Claims, named as MitID brokers name them (both in the ID token and from userinfo; which ones
are released depends on the scope, shown in brackets):

Citizen client (MitID private):
    sub                    stable pseudonymous UUID per CPR number              [openid]
    dk.cpr                 the CPR number, ten digits                           [ssn]
    mitid.uuid             the MitID identity's UUID (stable per CPR number)    [mitid]
    given_name, family_name, name                                               [profile]

Caseworker client (employee identity, like MitID Erhverv):
    sub                    stable pseudonymous UUID per professional id         [openid]
    given_name, family_name, name                                               [profile]
    email, dk.cvr (organisation CVR), dk.org_name (organisation name),
    dk.municipality_code, mitid.professional_id (persistent id, RID-like),
    jobnet.role ("caseworker")                                                  [professional]

Always, for both:
    loa    the NSIS assurance level URI, https://data.gov.dk/concept/core/nsis/<Low|Substantial|High>
    acr    the same URI (ID token)
    amr    RFC 8176 methods: Low ["pwd"], Substantial ["mfa", "swk"], High ["mfa", "hwk"]
    nonce, auth_time, at_hash, and iss, aud (the client id), iat, exp (ID token)

Scopes: openid, profile, ssn, mitid, professional. Citizen clients may ask for
"openid profile ssn mitid", caseworker clients for "openid profile professional".
"""

from jobnet.mitid_sim.views import bp

__all__ = ["bp"]
