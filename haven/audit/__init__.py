"""The append-only, hash-chained audit log. Every write to personal data and
every read of a person-level record leaves an entry, in the same transaction."""
