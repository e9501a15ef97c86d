"""One synthetic sample per seed: a person, one of their documents, and a phone photo of it."""

from __future__ import annotations

import dataclasses
import random

from ocr.synthetic.people import make_certificate, make_id_card_back, make_person
from ocr.synthetic.photo import phone_photo
from ocr.synthetic.render import Rendered, render_certificate, render_id_card_back, render_id_card_front

KINDS = ("id_card_front", "id_card_back", "disability_certificate")


@dataclasses.dataclass(frozen=True)
class Sample:
    seed: int
    kind: str
    variant: str
    truth: dict[str, object]
    jpeg: bytes
    conditions: dict[str, float | str]
    corners: tuple[tuple[float, float], ...]
    flat: Rendered


def make_sample(seed: int, kind: str | None = None, *, severity: float = 1.0, variant: str | None = None,
                names: str = "stress", towns: str = "fixed", turn: int = 0) -> Sample:
    rng = random.Random(seed)
    kind = kind or KINDS[seed % len(KINDS)]
    person = make_person(rng, names=names, towns=towns)
    if kind == "id_card_front":
        rendered = render_id_card_front(person, rng)
    elif kind == "id_card_back":
        rendered = render_id_card_back(make_id_card_back(rng, person), rng)
    elif kind == "disability_certificate":
        rendered = render_certificate(make_certificate(rng, person), rng, variant=variant)
    else:
        raise ValueError(f"unknown document kind {kind!r}")
    photo = phone_photo(rendered.image, rng, severity=severity, turn=turn)
    return Sample(seed, kind, rendered.variant if kind == "disability_certificate" else kind, rendered.truth,
                  photo.jpeg, photo.conditions, photo.corners, rendered)
