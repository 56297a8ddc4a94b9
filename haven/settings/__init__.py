"""Settings modules: base (secure defaults), dev (the demo), test, production (fails closed)."""
