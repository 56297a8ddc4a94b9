"""Jurisdiction policy files (JSON), validated by policy_loader. A package so that the
files ship with Haven."""
