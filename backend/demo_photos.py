"""Photos for the demo and the README walk-through: synthetic document pictures made here, never real
documents. (The OCR package renders realistic certificate images for its own tests; these only need
to be valid photos of the right size.)"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

DEMO_KINDS = ("id_card_front", "id_card_back", "disability_certificate", "dibao_proof")


def demo_photo(kind: str, width: int = 1280, height: int = 860) -> bytes:
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
