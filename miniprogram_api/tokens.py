"""Access tokens: short-lived JWTs signed with HS256 (algorithm pinned on verify), with exp, iat, iss
and aud checked. Keys rotate by `kid`: the current secret signs, previous secrets still verify until
their tokens expire. Refresh tokens are opaque and live in the database (backend.accounts)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from backend.accounts.actor import Actor
from backend.settings import Settings

ALGORITHM = "HS256"


class TokenRejected(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class SigningKey:
    kid: str
    secret: bytes


def _derive(secret: bytes) -> SigningKey:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"liangbu/jwt").derive(secret)
    return SigningKey(kid=hashlib.sha256(key).hexdigest()[:12], secret=key)


class TokenService:
    def __init__(self, settings: Settings) -> None:
        self._current = _derive(settings.secret_key_bytes())
        self._keys = {self._current.kid: self._current}
        for old in settings.old_secret_keys:
            derived = _derive(old.get_secret_value().encode())
            self._keys.setdefault(derived.kid, derived)
        self._issuer = settings.jwt_issuer
        self._audience = settings.jwt_audience
        self.lifetime = timedelta(seconds=settings.access_token_seconds)

    def issue(self, actor: Actor, now: datetime) -> str:
        claims = {"sub": actor.user_id, "role": actor.role.value, "iss": self._issuer, "aud": self._audience,
                  "iat": int(now.timestamp()), "exp": int((now + self.lifetime).timestamp()),
                  "jti": uuid.uuid4().hex}
        return jwt.encode(claims, self._current.secret, algorithm=ALGORITHM, headers={"kid": self._current.kid})

    def verify(self, token: str, now: datetime) -> str:
        """Returns the user id of a valid token; raises TokenRejected(code)."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise TokenRejected("token_invalid") from None
        key = self._keys.get(header.get("kid", ""))
        if key is None or header.get("alg") != ALGORITHM:
            raise TokenRejected("token_invalid")
        try:
            # Times are checked below against the service's clock (the same one that issued the token),
            # not PyJWT's wall clock, so tests can move time and production has one notion of now.
            claims = jwt.decode(
                token, key.secret, algorithms=[ALGORITHM], audience=self._audience, issuer=self._issuer,
                options={"require": ["exp", "iat", "iss", "aud", "sub"], "verify_exp": False, "verify_iat": False},
            )
        except jwt.PyJWTError:
            raise TokenRejected("token_invalid") from None
        if not isinstance(claims["exp"], int) or not isinstance(claims["iat"], int):
            raise TokenRejected("token_invalid")
        if claims["exp"] <= now.timestamp() - 30:
            raise TokenRejected("token_expired")
        if claims["iat"] > now.timestamp() + 60:
            raise TokenRejected("token_invalid")  # issued in the future: forged, or a clock gone wrong
        return str(claims["sub"])
