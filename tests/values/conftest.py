"""The API's token client, for the routes-agree tests."""

from tests.api.conftest import api_as, secrets  # noqa: F401 (fixtures)
