"""Pure shared types used by every layer. Never imports Django."""
