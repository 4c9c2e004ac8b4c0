"""Domain events: types and schemas, the CloudEvents envelope, the outbox, relay and consumers."""
