"""Accord: partnership governance for English councils."""
