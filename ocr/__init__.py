"""Image bytes -> certificate fields with confidences. Imports nothing of ours; usable alone (python -m ocr)."""
