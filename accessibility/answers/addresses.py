"""Where a person lives, as said or typed: "我住在重庆市武隆区联合路25号", "地址是……", "家住……".

Only the words around the address are taken off; the field's own check (`backend/applications/fields.py`)
decides what an address may be.

Codes returned:
- `empty`: nothing was said.
- `address_too_short` {"length": n}: fewer than 4 characters ("家里", "村里"), which no one could find.
"""
from __future__ import annotations

import re

from accessibility.answers.results import NotUnderstood, Understood
from accessibility.answers.text import fold_width

_INTRO = re.compile(r"^(?:我|我们|我家|我们家|申请人|他|她)?(?:现在)?(?:的)?(?:家庭住址|居住地址|住址|地址|家)?(?:住在|住|在|是|为|:)?")
_EDGE_PUNCTUATION = "。，、！？,.!?:：;；\"'“”‘’ "
# A village or street and a number: anything shorter cannot be found on a visit.
MIN_LENGTH = 4


def parse_address(text: str) -> Understood[str] | NotUnderstood:
    answer = " ".join(fold_width(text).split()).strip(_EDGE_PUNCTUATION)
    if not answer:
        return NotUnderstood("empty")
    address = _INTRO.sub("", answer, count=1).strip(_EDGE_PUNCTUATION) or answer
    if len(address) < MIN_LENGTH:
        return NotUnderstood("address_too_short", {"length": len(address)})
    return Understood(address)
