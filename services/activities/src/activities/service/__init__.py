"""The activities use cases: validate, change state and add outbox events, in one transaction."""
