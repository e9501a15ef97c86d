"""Debian's CJK fonts standing in for the documents' own (ID cards print labels in a 黑体 and numbers in an
OCR-B-like face; certificates are typeset in 宋体/黑体/楷体 depending on the office that printed them)."""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import ImageFont

_FACES = {
    # name: (file, index in the collection)
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "sans_bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "mono": ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 0),
    "mono_cjk": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 7),
}
# Faces a value may be printed in (labels always use "sans").
VALUE_FACES = ("sans", "sans_bold", "serif", "kai", "zenhei", "ming")
NUMBER_FACES = ("mono", "mono_cjk", "sans")


class MissingFonts(RuntimeError):
    """The Debian font packages in scripts/system-packages.txt are not installed."""


def available_faces() -> tuple[str, ...]:
    return tuple(name for name, (path, _) in _FACES.items() if Path(path).exists())


@functools.lru_cache(maxsize=256)
def font(face: str, size: int) -> ImageFont.FreeTypeFont:
    path, index = _FACES[face]
    if not Path(path).exists():
        raise MissingFonts(f"{path} is missing: install fonts-noto-cjk, fonts-wqy-zenhei, fonts-arphic-ukai, "
                           "fonts-arphic-uming and fonts-dejavu-core")
    return ImageFont.truetype(path, size, index=index)
