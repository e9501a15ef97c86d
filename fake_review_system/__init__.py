"""A stand-in for the provincial or national review system, on loopback, for tests, the benchmark and
trying the HTTP hand-off by hand. It checks our signatures and idempotency keys, verifies every
material's SHA-256, can fail the way real systems fail, and posts signed review events back.
Nothing in the product imports it."""
