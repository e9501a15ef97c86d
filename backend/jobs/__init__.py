"""Background work (hand-off, OCR, notifications) on huey: an embedded SQLite-backed queue by default,
Redis when scaled, run synchronously in tests."""
