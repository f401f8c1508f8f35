"""A mistake in the single sign-on settings is reported by `accord check`, not met on the sign-in page."""

from accord.kernel.accounts.checks import single_sign_on_settings


def ids(settings) -> list[str]:
    return [message.id for message in single_sign_on_settings(None)]


def sso(settings, **overrides):
    values = {
        "ACCORD_OIDC_ISSUER": "https://login.example.gov.uk/tenant/v2.0",
        "ACCORD_OIDC_CLIENT_ID": "accord",
        "ACCORD_OIDC_CLIENT_SECRET": "secret",
        "ACCORD_OIDC_ROLE_MAP": "Accord.Officer=officer",
    }
    values.update(overrides)
    for name, value in values.items():
        setattr(settings, name, value)


def test_no_single_sign_on_is_fine(settings):
    settings.ACCORD_OIDC_ISSUER = ""
    assert ids(settings) == []


def test_a_complete_configuration_passes(settings):
    sso(settings)
    assert ids(settings) == []


def test_a_malformed_role_map_is_an_error(settings):
    sso(settings, ACCORD_OIDC_ROLE_MAP="Accord.Officer=superhero")
    assert ids(settings) == ["accord.E101"]


def test_a_missing_client_secret_is_an_error(settings):
    sso(settings, ACCORD_OIDC_CLIENT_SECRET="")
    assert ids(settings) == ["accord.E102"]


def test_an_empty_role_map_is_an_error(settings):
    sso(settings, ACCORD_OIDC_ROLE_MAP="")
    assert ids(settings) == ["accord.E103"]


def test_a_plain_http_issuer_is_refused_in_production(settings):
    sso(settings, ACCORD_OIDC_ISSUER="http://login.example.gov.uk")
    settings.DEBUG = False
    settings.TESTING = False
    assert ids(settings) == ["accord.E104"]
