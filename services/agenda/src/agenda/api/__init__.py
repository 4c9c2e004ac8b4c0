"""HTTP routes of the agenda service: thin, schema -> use case -> response."""
