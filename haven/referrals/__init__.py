"""Consent, referrals and transfers. The foundation of the firewall: what a
person told a service provider reaches another agency only with a consent
record naming that agency, what it may see and why."""
