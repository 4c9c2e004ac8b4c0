"""HTTP routes of the activities service: thin, schema -> use case -> response."""
