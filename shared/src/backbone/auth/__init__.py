"""Identity and access: bearer JWTs, the principal, and permission checks."""
