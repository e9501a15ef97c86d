"""Blueprints. Each is registered with its guard in app.py."""
