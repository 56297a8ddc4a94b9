"""Pure mathematics of the audit chain: canonical encoding and hashing."""
