"""Phone-photo degradations of a flat rendering: the document small or large, off-centre, rotated and seen at
an angle on a desk, under a shadow or a lamp's glare, in low light, slightly out of focus, noisy, and saved as
a JPEG; and, when asked, turned a quarter or half turn, as a phone held sideways or a document laid upside down
gives it. Each photo records what was done to it, so a benchmark can report failures by cause."""

from __future__ import annotations

import dataclasses
import io
import math
import random

import cv2
import numpy as np
from PIL import Image


@dataclasses.dataclass(frozen=True)
class Photo:
    jpeg: bytes
    conditions: dict[str, float | str]
    corners: tuple[tuple[float, float], ...]   # the document's corners in the photo, clockwise from top-left


TURNS = (0, 90, 180, 270)


def phone_photo(document: Image.Image, rng: random.Random, *, severity: float = 1.0, turn: int = 0) -> Photo:
    """`severity` scales every degradation (0: a clean flat scan placed on a desk, 1: the benchmark's mix).
    `turn` (degrees clockwise, one of TURNS) turns the finished photo before it is saved, as a phone that writes
    no orientation tag saves a shot taken sideways or of a document lying upside down; it draws nothing, so the
    photo is otherwise the one taken without it."""
    if turn not in TURNS:
        raise ValueError(f"turn must be one of {TURNS}, not {turn!r}")
    doc = np.asarray(document.convert("RGB"), dtype=np.float32)
    dh, dw = doc.shape[:2]
    canvas_w = rng.choice((1280, 1440, 1600))
    canvas_h = canvas_w * 3 // 4
    conditions: dict[str, float | str] = {}

    # Size and placement: the document fills 45-90 % of the width; small ones are also off-centre.
    fill = rng.uniform(0.45, 0.9) if severity > 0 else 0.8
    angle = rng.uniform(-20, 20) * severity
    conditions.update(fill=round(fill, 2), angle=round(angle, 1))
    scale = canvas_w * fill / dw
    w, h = dw * scale, dh * scale
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32) - [w / 2, h / 2]
    rad = math.radians(angle)
    rot = np.array([[math.cos(rad), -math.sin(rad)], [math.sin(rad), math.cos(rad)]], dtype=np.float32)
    corners = corners @ rot.T
    # Perspective: each corner moves by up to 7 % of the document's size.
    tilt = 0.07 * severity
    corners += np.array([[rng.uniform(-tilt, tilt) * w, rng.uniform(-tilt, tilt) * h] for _ in range(4)],
                        dtype=np.float32)
    span = corners.max(axis=0) - corners.min(axis=0)
    # The whole document stays in the picture (people photograph all of it): shrink it to fit if needed.
    shrink = min(1.0, 0.97 * canvas_w / span[0], 0.97 * canvas_h / span[1])
    corners *= shrink
    span *= shrink
    room = np.maximum(np.array([canvas_w, canvas_h], dtype=np.float32) - span, 0)
    centre = np.array([rng.uniform(0, room[0]), rng.uniform(0, room[1])], dtype=np.float32) - corners.min(axis=0)
    corners += centre
    conditions["tilt"] = round(tilt, 3)

    canvas = _desk(rng, canvas_w, canvas_h)
    src = np.array([[0, 0], [dw, 0], [dw, dh], [0, dh]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    warped = cv2.warpPerspective(doc, matrix, (canvas_w, canvas_h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((dh, dw), np.float32), matrix, (canvas_w, canvas_h), flags=cv2.INTER_LINEAR)
    img = canvas * (1 - mask[..., None]) + warped * mask[..., None]

    yy, xx = np.mgrid[0:canvas_h, 0:canvas_w].astype(np.float32)
    if rng.random() < 0.5 * severity:         # a hand's or phone's shadow: a soft-edged dark half-plane
        theta = rng.uniform(0, 2 * math.pi)
        offset = rng.uniform(-0.3, 0.3) * canvas_w
        dist = (xx - canvas_w / 2) * math.cos(theta) + (yy - canvas_h / 2) * math.sin(theta) - offset
        depth = rng.uniform(0.35, 0.6)
        soft = rng.uniform(20, 120)
        img *= (1 - depth / (1 + np.exp(-dist / soft)))[..., None]
        conditions["shadow"] = round(depth, 2)
    if rng.random() < 0.35 * severity:        # a lamp's glare: a bright soft spot
        gx, gy = rng.uniform(0.2, 0.8) * canvas_w, rng.uniform(0.2, 0.8) * canvas_h
        radius = rng.uniform(0.08, 0.2) * canvas_w
        strength = rng.uniform(60, 140)
        img += (strength * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * radius ** 2)))[..., None]
        conditions["glare"] = round(strength, 0)
    # Light: overall exposure with a vignette; low light in a quarter of the photos.
    exposure = rng.uniform(0.35, 0.6) if rng.random() < 0.25 * severity else rng.uniform(0.8, 1.1)
    vignette = 1 - 0.3 * severity * (((xx / canvas_w - 0.5) ** 2 + (yy / canvas_h - 0.5) ** 2) / 0.5)
    cast = np.array([rng.uniform(0.9, 1.05), 1.0, rng.uniform(0.85, 1.05)], dtype=np.float32)
    img = img * exposure * vignette[..., None] * cast
    conditions["exposure"] = round(exposure, 2)

    img = np.clip(img, 0, 255)
    blur = rng.uniform(0, 1.6) * severity
    if blur > 0.3:
        img = cv2.GaussianBlur(img, (0, 0), blur)
    conditions["blur"] = round(blur, 2)
    noise = rng.uniform(2, 9) * severity * (1.5 if exposure < 0.7 else 1.0)   # dark photos are noisier
    img = img + np.random.default_rng(rng.randrange(2**32)).normal(0, noise, img.shape).astype(np.float32)
    conditions["noise"] = round(noise, 1)
    img = np.clip(img, 0, 255).astype(np.uint8)
    quality = int(rng.uniform(40, 88)) if severity > 0 else 92
    conditions["jpeg_quality"] = quality
    if turn:
        img, corners = _turned(img, corners, turn)
        conditions["turn"] = turn
    buffer = io.BytesIO()
    Image.fromarray(img).save(buffer, format="JPEG", quality=quality)
    return Photo(buffer.getvalue(), conditions, tuple((float(x), float(y)) for x, y in corners))


def _turned(img: np.ndarray, corners: np.ndarray, turn: int) -> tuple[np.ndarray, np.ndarray]:
    """The photo turned `turn` degrees clockwise, and the document's corners where they now lie (still the
    document's own top-left first)."""
    h, w = img.shape[:2]
    x, y = corners[:, 0], corners[:, 1]
    if turn == 90:
        moved = np.stack([h - y, x], axis=1)
    elif turn == 180:
        moved = np.stack([w - x, h - y], axis=1)
    else:
        moved = np.stack([y, w - x], axis=1)
    return np.ascontiguousarray(np.rot90(img, k=-turn // 90)), moved.astype(np.float32)


def _desk(rng: random.Random, w: int, h: int) -> np.ndarray:
    """A desk or cloth: a dark-to-mid colour with grain and a gentle gradient (documents lie on tables)."""
    base = np.array(rng.choice(((90, 60, 40), (120, 90, 60), (60, 60, 65), (40, 70, 90), (150, 140, 120),
                                (30, 30, 30), (110, 40, 40))), dtype=np.float32)
    g = np.random.default_rng(rng.randrange(2**32))
    grain = cv2.GaussianBlur(g.normal(0, 12, (h // 4, w // 4)).astype(np.float32), (0, 0), 2)
    grain = cv2.resize(grain, (w, h))
    if rng.random() < 0.5:   # wood-like streaks
        grain += 10 * np.sin(np.arange(w, dtype=np.float32)[None, :] / rng.uniform(6, 20) +
                             np.arange(h, dtype=np.float32)[:, None] / 200)
    ramp = np.linspace(0.85, 1.15, w, dtype=np.float32)[None, :] * np.ones((h, 1), np.float32)
    return np.clip(base[None, None, :] * ramp[..., None] + grain[..., None], 0, 255)
