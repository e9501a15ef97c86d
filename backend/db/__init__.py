"""Persistence: the declarative base, engines for SQLite and PostgreSQL, and the unit of work."""

from backend.db.base import Base
from backend.db.engine import Database

__all__ = ["Base", "Database"]
