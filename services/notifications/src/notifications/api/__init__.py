"""HTTP routes of the notifications service: thin, schema -> use case -> response."""
