"""Single sign-on with the council's identity provider over OpenID Connect (ADR 0016).

`config` reads the settings, `client` runs the authorisation code flow with PKCE through Authlib
(discovery, state, nonce, ID-token validation against the provider's keys), `users` turns the
validated claims into an Accord user with a role, and `views` are the two addresses the flow uses.
"""
