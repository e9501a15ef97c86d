"""Settings from the environment (prefix LIANGBU_), validated once at start-up.

The embedded default needs no configuration at all; `make run` turns on dev login and lets missing
secrets be generated (and kept in the instance folder) so a demo survives restarts. In any other
mode a missing SECRET_KEY or DATA_KEY stops start-up: a generated key would make encrypted data
unreadable after the next restart."""

from __future__ import annotations

import base64
import json
import os
import secrets
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from typing import TYPE_CHECKING

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from backend.db.engine import DatabaseTimeouts


class SettingsError(RuntimeError):
    """Start-up refused because a setting is missing or wrong; the message says which and what to do."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LIANGBU_", extra="ignore")

    instance_dir: Path = Path("instance")
    database_url: str = ""  # empty: a SQLite file in the instance folder
    storage_dir: Path | None = None  # empty: instance/storage
    s3_bucket: str | None = None  # set: files go to this S3-compatible bucket instead of STORAGE_DIR
    s3_endpoint_url: str | None = None  # e.g. a MinIO or Ceph endpoint; unset: AWS
    s3_region: str | None = None
    job_queue_url: str = ""  # empty: a SQLite file in the instance folder; redis://... when scaled; "immediate" in tests

    review_handoff_url: str | None = None  # unset: the built-in review desk
    review_handoff_secret: SecretStr | None = None
    review_handoff_timeout_seconds: float = 10.0
    review_handoff_max_attempts: int = 8

    wechat_app_id: str = "wx-liangbu-dev"
    wechat_app_secret: SecretStr = SecretStr("dev-secret")
    wechat_api_base: str = "https://api.weixin.qq.com/"
    wechat_timeout_seconds: float = 5.0  # wechatpy has no timeout by default (REFERENCE.md)
    wechat_oa_app_id: str | None = None
    wechat_oa_token: SecretStr | None = None
    wechat_oa_aes_key: SecretStr | None = None
    wechat_oa_app_secret: SecretStr | None = None  # the official account's own secret (media, user info, replies)
    # WeChat waits 5 s for a reply to a message, then retries it; past this we answer "success" at once and
    # send the reply through the customer-service message API when it is ready.
    wechat_oa_reply_seconds: float = 4.0
    wechat_subscribe_templates: dict[str, str] = Field(default_factory=dict)  # {"status_update": TEMPLATE_ID}
    wechat_long_term_templates: list[str] = Field(default_factory=list)  # our keys whose template is long-term

    dev_login: bool = False
    # Dev login answers only requests from loopback addresses unless this is on too (`serve.py --dev` with
    # --i-know-dev-login-is-public): anyone who reaches the server could then log in as any demo account.
    dev_login_public: bool = False
    strict_unit_of_work: bool = False  # tests: refuse a transaction opened inside another (backend/unit_of_work.py)
    secret_key: SecretStr | None = None  # signs access tokens; rotate by moving the old one to OLD_SECRET_KEYS
    old_secret_keys: list[SecretStr] = Field(default_factory=list)  # still verify tokens, never sign
    data_key: SecretStr | None = None  # base64 of 32 bytes: AES-256-GCM and the keyed hashes
    old_data_keys: list[SecretStr] = Field(default_factory=list)  # still decrypt, never encrypt

    jwt_issuer: str = "liangbu"
    jwt_audience: str = "liangbu-miniprogram"
    access_token_seconds: int = 15 * 60
    refresh_token_days: int = 30

    max_upload_bytes: int = 20 * 1024 * 1024
    ocr_engine: str = "rapidocr"  # rapidocr, tesseract, or none (no reading: nothing is pre-filled)
    holiday_notice_dirs: list[Path] = Field(default_factory=list)
    policy_dirs: list[Path] = Field(default_factory=list)  # extra regional policy files (docs/policy.md)
    # Where people's phones reach this service (https://... in production), for links shown as QR codes; unset:
    # the address the request came to. `make run` sets it from --host and --port.
    public_base_url: str | None = None
    # How many reverse proxies (each adding itself to X-Forwarded-For and X-Forwarded-Proto) stand in front of the
    # service. 0: the headers are ignored, the client address is the connection's (a client could write any
    # X-Forwarded-For). N: the address the N-th proxy from us saw (werkzeug's ProxyFix, miniprogram_api/app.py).
    trusted_proxies: int = Field(0, ge=0)

    # The longest a web request may take: gunicorn's --timeout (`make run` passes it) and, plus a margin, how
    # long an Idempotency-Key stays claimed by a request whose worker died (backend/idempotency.py).
    request_timeout_seconds: int = Field(60, ge=10)
    # No wait on the database is unbounded (backend/db/engine.py): past one of these a request is answered
    # 503 database_unavailable with Retry-After instead of hanging until gunicorn gives up on it.
    database_connect_timeout_seconds: int = Field(5, ge=2)  # opening a PostgreSQL connection (libpq: >= 2)
    # One statement (PostgreSQL's statement_timeout; SQLite's wait for the write lock); the client gives a
    # server that never answers 5 s more. Well under REQUEST_TIMEOUT_SECONDS (checked below).
    database_statement_timeout_seconds: float = Field(25.0, gt=0)
    database_pool_timeout_seconds: float = Field(10.0, gt=0)  # waiting for a free connection of the pool

    @model_validator(mode="after")
    def _database_waits_fit_in_a_request(self) -> Settings:
        if self.database_statement_timeout_seconds + 5 >= self.request_timeout_seconds:
            raise ValueError(
                f"LIANGBU_DATABASE_STATEMENT_TIMEOUT_SECONDS ({self.database_statement_timeout_seconds:g}) must be "
                f"well under LIANGBU_REQUEST_TIMEOUT_SECONDS ({self.request_timeout_seconds}), at least 5 s less: "
                "a statement still waiting when gunicorn gives up on the request is answered with nothing at all.")
        return self

    def database_timeouts(self) -> DatabaseTimeouts:
        from backend.db.engine import DatabaseTimeouts

        return DatabaseTimeouts(connect_seconds=self.database_connect_timeout_seconds,
                                statement_seconds=self.database_statement_timeout_seconds,
                                pool_seconds=self.database_pool_timeout_seconds)

    @field_validator("database_url", "job_queue_url", "wechat_api_base", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.instance_dir / 'liangbu.sqlite3').resolve()}"

    @property
    def resolved_storage_dir(self) -> Path:
        return (self.storage_dir or self.instance_dir / "storage").resolve()

    @property
    def resolved_job_queue_url(self) -> str:
        return self.job_queue_url or f"sqlite:///{(self.instance_dir / 'jobs.sqlite3').resolve()}"

    def data_key_bytes(self) -> bytes:
        return _decode_key(self.data_key, "LIANGBU_DATA_KEY")

    def old_data_key_bytes(self) -> list[bytes]:
        return [_decode_key(key, "LIANGBU_OLD_DATA_KEYS") for key in self.old_data_keys]

    def secret_key_bytes(self) -> bytes:
        if self.secret_key is None:
            raise SettingsError("LIANGBU_SECRET_KEY is not set.")
        return self.secret_key.get_secret_value().encode()


def _decode_key(value: SecretStr | None, name: str) -> bytes:
    if value is None:
        raise SettingsError(f"{name} is not set. Generate one with: python -m backend.cli new-data-key")
    try:
        key = base64.b64decode(value.get_secret_value(), validate=True)
    except ValueError as error:
        raise SettingsError(f"{name} is not valid base64: {error}") from None
    if len(key) != 32:
        raise SettingsError(f"{name} must be 32 bytes (base64 of 32 random bytes); it is {len(key)} bytes.")
    return key


def new_data_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


def load_settings(*, generate_dev_secrets: bool = False, **overrides: object) -> Settings:
    """Reads the environment. With generate_dev_secrets (the demo), missing keys are generated once and
    kept in instance/dev-secrets.json (mode 0600) so the demo's data stays readable across restarts."""
    settings = Settings(**overrides)  # type: ignore[arg-type]
    if generate_dev_secrets and (settings.secret_key is None or settings.data_key is None):
        kept = _dev_secrets(settings.instance_dir)
        settings = settings.model_copy(update={
            "secret_key": settings.secret_key or SecretStr(kept["secret_key"]),
            "data_key": settings.data_key or SecretStr(kept["data_key"]),
        })
    settings.data_key_bytes()
    settings.secret_key_bytes()
    check_review_handoff_url(settings.review_handoff_url)
    return settings


def check_review_handoff_url(url: str | None) -> None:
    """Packets carry whole ID numbers and photos: they travel over HTTPS, except to this very machine (a
    local receiver, tests)."""
    if not url:
        return
    from backend.net import is_loopback

    parts = urlsplit(url.strip())
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return
    raise SettingsError(f"LIANGBU_REVIEW_HANDOFF_URL must be an https:// address (it is {parts.scheme or 'no'}://"
                        f"{parts.hostname or ''}): packets carry whole ID numbers and photos. Plain http:// is "
                        "allowed only to this machine (127.0.0.1, ::1, localhost).")


def make_instance_dir(instance_dir: Path) -> Path:
    """The instance folder holds the database, the job queue, the stored files and the demo's keys: it is
    the owner's only (0700), and an older one made 0755 is closed up too."""
    instance_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if instance_dir.stat().st_mode & 0o077:
        instance_dir.chmod(0o700)
    return instance_dir


def _dev_secrets(instance_dir: Path) -> dict[str, str]:
    path = instance_dir / "dev-secrets.json"
    if path.exists():
        return json.loads(path.read_text())
    make_instance_dir(instance_dir)
    kept = {"secret_key": secrets.token_urlsafe(48), "data_key": new_data_key()}
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(kept, handle)
    return kept


@lru_cache(maxsize=1)
def current_settings() -> Settings:
    """The process-wide settings; entry points call configure() first, tests pass their own."""
    return load_settings()
