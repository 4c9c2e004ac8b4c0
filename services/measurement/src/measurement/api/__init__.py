"""HTTP routes of the measurement service."""
