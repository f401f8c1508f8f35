"""The council's brand colour: validated so white text on it stays readable (WCAG 2.2 AA, 4.5:1)."""

import re

from django.core.exceptions import ImproperlyConfigured

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MINIMUM_CONTRAST_WITH_WHITE = 4.5


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (_relative_luminance(hex_colour) + 0.05)


def validate_brand_colour(hex_colour: str) -> None:
    if not HEX_COLOUR.match(hex_colour):
        raise ImproperlyConfigured(f"COUNCIL_BRAND_COLOUR must be a colour like #00629b, not {hex_colour!r}.")
    ratio = contrast_with_white(hex_colour)
    if ratio < MINIMUM_CONTRAST_WITH_WHITE:
        raise ImproperlyConfigured(
            f"COUNCIL_BRAND_COLOUR {hex_colour} gives white text a contrast of {ratio:.1f}:1; "
            f"WCAG 2.2 AA needs at least {MINIMUM_CONTRAST_WITH_WHITE}:1. Choose a darker colour."
        )
