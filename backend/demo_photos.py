"""Photos for the demo and the README walk-through: synthetic documents of the README's synthetic person
(刘建国, ID 500232195004123319), rendered and photographed as a phone would by ocr/synthetic, so the
demo's OCR pre-fill has something real to read. Never real documents."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

from PIL import Image, ImageDraw

DEMO_KINDS = ("id_card_front", "id_card_back", "disability_certificate", "dibao_proof")
DEMO_PERSON = {"name": "刘建国", "sex": "male", "ethnicity": "汉", "birth_date": dt.date(1950, 4, 12),
               "address": "重庆市武隆区联合路25号3栋2705室", "id_number": "500232195004123319"}
DEMO_CERTIFICATE = {"category": 4, "grade": 2, "issue_date": dt.date(2019, 6, 10),
                    "valid_until": dt.date(2029, 6, 10)}


def demo_photo(kind: str, *, seed: int = 7, realistic: bool = True) -> bytes:
    """A phone photo of the demo person's document of this kind (a plain page for the 低保 proof, and for
    every kind when not `realistic`: a valid photo with nothing to read)."""
    if kind == "dibao_proof" or not realistic:
        return _plain_page(kind)
    from ocr.synthetic.people import Certificate, IdCardBack, Person
    from ocr.synthetic.photo import phone_photo
    from ocr.synthetic.render import render_certificate, render_id_card_back, render_id_card_front

    rng = random.Random(seed)
    person = Person(region=("500232", "重庆市", "", "武隆县", "武隆县公安局"), **DEMO_PERSON)
    if kind == "id_card_front":
        rendered = render_id_card_front(person, rng)
    elif kind == "id_card_back":
        rendered = render_id_card_back(IdCardBack("重庆市公安局武隆区分局", dt.date(2016, 3, 2), None), rng)
    elif kind == "disability_certificate":
        number = f"{person.id_number}{DEMO_CERTIFICATE['category']}{DEMO_CERTIFICATE['grade']}"
        rendered = render_certificate(Certificate(person=person, number=number, **DEMO_CERTIFICATE), rng)
    else:
        return _plain_page(kind)
    return phone_photo(rendered.image, rng, severity=0.4).jpeg


def _plain_page(kind: str, width: int = 1280, height: int = 860) -> bytes:
    picture = Image.new("RGB", (width, height), (214, 206, 190))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((80, 70, width - 80, height - 70), radius=24, fill=(244, 241, 233),
                           outline=(150, 140, 120), width=3)
    for row, y in enumerate(range(150, height - 160, 70)):
        draw.rectangle((140, y, width - 260 - (row * 97) % 300, y + 26), fill=(60, 60, 70))
    draw.ellipse((width - 300, height - 300, width - 140, height - 140), outline=(200, 40, 40), width=6)
    draw.text((100, 90), f"DEMO {kind}", fill=(200, 40, 40))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def write_demo_photos(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in DEMO_KINDS:
        path = directory / f"{kind}.jpg"
        path.write_bytes(demo_photo(kind))
        written.append(path)
    return written
