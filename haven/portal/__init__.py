"""The migrant-facing pages. No account, no JavaScript needed, light, in the
person's language; it calls intake and tracing services and owns no data."""
