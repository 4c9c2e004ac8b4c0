"""The HTTP conventions every service follows (one style across the platform)."""
