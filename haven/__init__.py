"""Haven: a digital referral mechanism for the protection of migrants and of
people who have been trafficked or exploited. See shared/DESIGN.md."""

__version__ = "0.1.0"
