"""Telling people what happened: in-app notifications (and, where subscribed, WeChat messages)."""
