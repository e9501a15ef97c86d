"""A person's display and language preferences (issue 6 item 5), kept with their account so every
device and channel (mini program, official account) honours them: text size, WeChat's care mode
(关怀模式), high contrast, reduced motion, easy-read text first, speech and how fast it speaks, extended
time, language and how they want to be contacted.

Validation codes (FieldError codes, worded by the `field_error.*` messages): `out_of_range`
{"low", "high"} for font_scale, `not_a_choice` {"choices"} for locale and preferred_contact,
`not_yes_or_no` for the switches, `not_a_choice` {"choices"} for speech_rate, `unknown_field` for a name that is
not a preference."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.accounts.actor import Actor
from backend.db.base import Base
from backend.errors import FieldError, InvalidInput
from backend.messages.locales import SUPPORTED_LOCALES
from backend.runtime import runtime
from backend.unit_of_work import unit_of_work

# WeChat's own text sizes go up to about 2x (fontSizeScaleFactor); MIIT's elder mode asks text of 18 dp
# and up to 30 dp at the largest (REFERENCE.md, accessibility targets), 3x the 10 dp of small print.
FONT_SCALE_RANGE = (1.0, 3.0)
# How a person wants to be reached about their application; a deaf person may want no phone call.
CONTACT_CHANNELS = ("in_app", "wechat", "sms", "phone_call")
# How fast prompts are read aloud, as a percentage of the engine's normal pace (None: its own). Slow is for a
# person who needs time to follow (elderly, intellectual disability); fast for a screen-reader user used to speed.
SPEECH_RATES: dict[str, int | None] = {"slow": 70, "normal": None, "fast": 130}


class UserPreferences(Base):
    __tablename__ = "user_preferences"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    font_scale: Mapped[float] = mapped_column(Float, default=1.0)
    care_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    high_contrast: Mapped[bool] = mapped_column(Boolean, default=False)
    reduced_motion: Mapped[bool] = mapped_column(Boolean, default=False)
    easy_read: Mapped[bool] = mapped_column(Boolean, default=False)
    speech: Mapped[bool] = mapped_column(Boolean, default=True)
    speech_rate: Mapped[str] = mapped_column(String(8), default="normal")
    extended_time: Mapped[bool] = mapped_column(Boolean, default=False)
    locale: Mapped[str | None] = mapped_column(String(16))
    preferred_contact: Mapped[str | None] = mapped_column(String(16))
    updated_at: Mapped[datetime]


@dataclass(frozen=True)
class Preferences:
    """What a person chose, or the defaults. Speech is on unless turned off: a prompt then carries its
    audio, and a blind person needs nothing set up first. `locale` None follows Accept-Language."""

    font_scale: float = 1.0
    care_mode: bool = False
    high_contrast: bool = False
    reduced_motion: bool = False
    easy_read: bool = False
    speech: bool = True
    speech_rate: str = "normal"
    extended_time: bool = False
    locale: str | None = None
    preferred_contact: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def speech_percent(self) -> int | None:
        """The pace of speech for the engine (accessibility/speech), from `speech_rate`."""
        return SPEECH_RATES.get(self.speech_rate)


NAMES = tuple(f.name for f in fields(Preferences))
_SWITCHES = ("care_mode", "high_contrast", "reduced_motion", "easy_read", "speech", "extended_time")


def preferences_for(user_id: str) -> Preferences:
    with runtime().database.sessions() as session:
        row = session.get(UserPreferences, user_id)
        if row is None:
            return Preferences()
        return Preferences(**{name: getattr(row, name) for name in NAMES})


def preferred_locale(user_id: str) -> str | None:
    return preferences_for(user_id).locale


def get_preferences(actor: Actor) -> dict[str, Any]:
    return preferences_for(actor.user_id).as_dict()


def put_preferences(actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """Replaces the person's preferences: a name left out takes its default (PUT semantics)."""
    chosen = checked_preferences(values)
    with unit_of_work() as uow:
        row = uow.session.get(UserPreferences, actor.user_id)
        if row is None:
            row = UserPreferences(user_id=actor.user_id, updated_at=uow.now)
            uow.session.add(row)
        for name in NAMES:
            setattr(row, name, getattr(chosen, name))
        row.updated_at = uow.now
        uow.audit.record(actor, "preferences.saved", fields=sorted(values))
        uow.commit()
    return chosen.as_dict()


def checked_preferences(values: dict[str, Any]) -> Preferences:
    errors: list[FieldError] = []
    chosen = Preferences()
    for name, value in values.items():
        if name not in NAMES:
            errors.append(FieldError(name, "unknown_field"))
            continue
        if value is None and name in ("locale", "preferred_contact"):
            continue
        if name == "font_scale":
            low, high = FONT_SCALE_RANGE
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                errors.append(FieldError(name, "out_of_range", {"low": str(low), "high": str(high)}))
                continue
            value = round(float(value), 2)
        elif name in _SWITCHES:
            if not isinstance(value, bool):
                errors.append(FieldError(name, "not_yes_or_no"))
                continue
        elif name == "locale":
            if value not in SUPPORTED_LOCALES:
                errors.append(FieldError(name, "not_a_choice", {"choices": ", ".join(SUPPORTED_LOCALES)}))
                continue
        elif name == "speech_rate":
            if value not in SPEECH_RATES:
                errors.append(FieldError(name, "not_a_choice", {"choices": ", ".join(SPEECH_RATES)}))
                continue
        elif name == "preferred_contact":
            if value not in CONTACT_CHANNELS:
                errors.append(FieldError(name, "not_a_choice", {"choices": ", ".join(CONTACT_CHANNELS)}))
                continue
        chosen = replace(chosen, **{name: value})
    if errors:
        raise InvalidInput(errors=errors)
    return chosen
