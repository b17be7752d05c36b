"""The end-user assertion a connected system sends DFDG with every call made for a person.

A signed JWT (RFC 7519, in the style of RFC 7523 and of the Danish identity-based web services
profile): the calling system (`iss`, which must be the system its bearer token names) vouches
for who acts (`sub`, `actor_type`, `org`), why (`purpose`), and how they logged in
(`auth_time`, `acr`), for DFDG (`aud`) and for a few minutes (`nbf`, `exp`). The web app signs
(`jobnet.clients.dfdg_client.assertion`); DFDG verifies (`jobnet.dfdg.assertion`). Both sides read
these names from here, so they cannot drift.
"""

from __future__ import annotations

HEADER = "X-Actor-Assertion"
# Fully specified JOSE algorithms (RFC 9864): Ed25519 by default, ES256 where HSMs need it.
ALGORITHMS = ("Ed25519", "ES256")
# The signer's lifetime, and the longest DFDG accepts (exp - iat); a little clock skew allowed.
LIFETIME_SECONDS = 300
MAX_LIFETIME_SECONDS = 600
LEEWAY_SECONDS = 30
# A cached assertion is reused while it has at least this long left.
RENEW_BEFORE_SECONDS = 60

ACTOR_TYPE = "actor_type"
NAME = "name"
ORGANISATION = "org"
ON_BEHALF_OF = "on_behalf_of"
PURPOSE = "purpose"
CHANNEL = "channel"
AUTH_TIME = "auth_time"
LEVEL = "acr"
# Only while a citizen logs in and DFDG does not yet know their person id: the CPR number the
# login proved, so a lookup or creation can be for that number only.
CPR = "cpr"

# The actor types an assertion may name; "system" is a call without an assertion.
PERSON_ACTOR_TYPES = ("citizen", "caseworker")
