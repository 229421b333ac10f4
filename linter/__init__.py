"""vblint: checks Vietnamese administrative documents against their official template."""

__version__ = "0.1.0"
