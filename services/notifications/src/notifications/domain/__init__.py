"""Pure rules of webhook delivery: which addresses may be reached, which events an
endpoint wants, when to try again, how deliveries are signed."""
