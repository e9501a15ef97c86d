"""Accounts: people and staff, how they log in (WeChat or the demo's dev login), refresh tokens."""
