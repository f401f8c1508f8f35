"""The import fuzz tests start from the register the transfer tests use (council and reference lists)."""

from tests.transfer.conftest import lists  # noqa: F401
