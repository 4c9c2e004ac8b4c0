"""Use cases of the measurement service; each runs inside the caller's transaction."""
