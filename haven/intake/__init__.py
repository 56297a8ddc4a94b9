"""First contacts: hotline calls, portal submissions, first-responder
referrals, outreach. Each is triaged into a new case, attached to an existing
one, or closed with a reason."""
