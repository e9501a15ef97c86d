"""ID, certificate and phone numbers typed with spaces, dashes or full-width digits, or read out in
Chinese digits (一二三, 幺 for 1, 两 for 2, 零/〇/洞 for 0, 叉/艾克斯/x for X), as WeChat's speech
recognition writes them ("幺三九，八八七六。").

These parsers only normalise and count, so a wrong answer gets a specific correction ("您输入了17位数字，
身份证号码是18位"). The check digit (ISO 7064 MOD 11-2) and the birth date inside an ID number are
checked by the backend's identity validator, which the conversation calls next; nothing here repeats it.

Codes returned (KIND is `id`, `certificate` or `phone`):
- `empty`: no digits at all.
- `KIND_bad_characters` {"character": c, "position": p}: a character that is no digit (p is 1-based
  among the digits read so far).
- `KIND_number_words` {"character": c}: 十/百/千/万, a number said as a quantity ("十一") instead of
  digit by digit.
- `KIND_x_misplaced` {"position": p}: an X anywhere but the 18th character.
- `id_wrong_length` {"length": n, "expected": 18}.
- `id_old_format` {"length": 15}: a first-generation 15-digit number, replaced by 18 digits since 1999.
- `certificate_wrong_length` {"length": n, "expected": 20}.
- `certificate_is_id_number` {"length": 18}: the ID number alone; the certificate adds two digits.
- `certificate_bad_category_digit` {"digit": d}: the 19th digit is not a category 1-7.
- `certificate_bad_grade_digit` {"digit": d}: the 20th digit is not a grade 1-4.
- `phone_wrong_length` {"length": n, "expected": 11}.
- `phone_missing_area_code` {"length": n}: a 7- or 8-digit landline without its area code.
- `phone_bad_prefix` {"prefix": "12"}: 11 digits starting with 1 but not a mobile prefix (13-19).
Understood notes: `reissue_suffix` (a certificate number longer than 20: the first 20 are the number,
the rest a reissue suffix, shared/DESIGN.md), `landline`, `homophones_read_as_digits` (speech
recognition wrote a word that sounds like a digit, "酒" for 九: read the number back to confirm).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from accessibility.answers.results import NotUnderstood, Understood
from accessibility.answers.text import DIGIT_CHARACTERS, fold_width

_SEPARATORS = re.compile(r"[+\s\-—–_.,，。、·:：;；/\\()（）\"'“”]+")
_X_WORDS = re.compile(r"艾克斯|爱克斯|埃克斯|挨克斯|哎克斯|叉|×|x")
_NUMBER_WORDS = set("十拾百佰千仟万")
# Characters speech recognition writes for a digit said on its own (same syllable, near tone). Used only
# when the answer is otherwise a number, and flagged so the conversation reads the number back.
_HOMOPHONES = {
    **dict.fromkeys("灵玲铃凌", "0"),
    **dict.fromkeys("衣医依伊腰妖要", "1"),
    **dict.fromkeys("而尔耳儿", "2"),
    **dict.fromkeys("山伞", "3"),
    **dict.fromkeys("寺似思死", "4"),
    **dict.fromkeys("舞武午", "5"),
    **dict.fromkeys("留流刘溜", "6"),
    **dict.fromkeys("期妻漆", "7"),
    **dict.fromkeys("吧巴扒", "8"),
    **dict.fromkeys("酒久", "9"),
}
_LABEL = re.compile(
    r"^(?:我的|他的|她的|本人的?)?(?:公民)?(?:身份证|身份|残疾人证|残疾证|手机|电话|联系电话|证件)?"
    r"(?:号码|号)?(?:是|为)?"
)
_SUFFIX_CHARACTERS = re.compile(r"[0-9A-Z]+")


def normalise_id_number(text: str) -> Understood[str] | NotUnderstood:
    """An 18-character ID number (digits, and X only last), upper-case."""
    spelt = _read_digits(text, kind="id", allow_x=True)
    if isinstance(spelt, NotUnderstood):
        return spelt
    read = spelt.digits
    if len(read) == 15 and read.isdigit():
        return NotUnderstood("id_old_format", {"length": 15})
    if len(read) != 18:
        return NotUnderstood("id_wrong_length", {"length": len(read), "expected": 18})
    misplaced = _misplaced_x(read, last_allowed=18)
    return misplaced or spelt.understood(read)


def normalise_certificate_number(text: str) -> Understood[str] | NotUnderstood:
    """A disability certificate number: the holder's 18-character ID number, the category digit (1-7)
    and the grade digit (1-4), and on reissued certificates a suffix after those 20."""
    spelt = _read_digits(text, kind="certificate", allow_x=True, allow_letters_after=20)
    if isinstance(spelt, NotUnderstood):
        return spelt
    read = spelt.digits
    if len(read) == 18:
        return NotUnderstood("certificate_is_id_number", {"length": 18})
    if len(read) < 20:
        return NotUnderstood("certificate_wrong_length", {"length": len(read), "expected": 20})
    misplaced = _misplaced_x(read[:20], last_allowed=18, kind="certificate")
    if misplaced:
        return misplaced
    category, grade = read[18], read[19]
    if category not in "1234567":
        return NotUnderstood("certificate_bad_category_digit", {"digit": category})
    if grade not in "1234":
        return NotUnderstood("certificate_bad_grade_digit", {"digit": grade})
    if len(read) > 20:
        return spelt.understood(read, note="reissue_suffix")
    return spelt.understood(read)


def normalise_phone_number(text: str) -> Understood[str] | NotUnderstood:
    """An 11-digit mobile number (without +86), or a landline with its area code (0 first)."""
    spelt = _read_digits(text, kind="phone", allow_x=False)
    if isinstance(spelt, NotUnderstood):
        return spelt
    read = spelt.digits
    for country in ("0086", "86"):
        if read.startswith(country) and len(read) == len(country) + 11 and read[len(country)] == "1":
            read = read[len(country):]
    if read.startswith("0") and 10 <= len(read) <= 12:
        return spelt.understood(read, note="landline")
    if len(read) in (7, 8) and not read.startswith(("0", "1")):
        return NotUnderstood("phone_missing_area_code", {"length": len(read)})
    if len(read) != 11 or not read.startswith("1"):
        return NotUnderstood("phone_wrong_length", {"length": len(read), "expected": 11})
    if read[1] not in "3456789":
        return NotUnderstood("phone_bad_prefix", {"prefix": read[:2]})
    return spelt.understood(read)


def _read_digits(
    text: str, *, kind: str, allow_x: bool, allow_letters_after: int | None = None
) -> "_Read | NotUnderstood":
    """The digits (and X) the answer spells, or what stops it being a number."""
    read = _spell(text, kind=kind, allow_x=allow_x, allow_letters_after=allow_letters_after, homophones=False)
    if isinstance(read, NotUnderstood) and read.code == f"{kind}_bad_characters" and read.params["character"] in _HOMOPHONES:
        again = _spell(text, kind=kind, allow_x=allow_x, allow_letters_after=allow_letters_after, homophones=True)
        if not isinstance(again, NotUnderstood):
            return _Read(again, homophones=True)
    if isinstance(read, NotUnderstood):
        return read
    return _Read(read, homophones=False)


@dataclass(frozen=True)
class _Read:
    digits: str
    homophones: bool

    def understood(self, value: str, note: str | None = None) -> Understood[str]:
        # A homophone is the likelier mistake, so its note wins over the others.
        return Understood(value, note="homophones_read_as_digits" if self.homophones else note)


def _spell(
    text: str, *, kind: str, allow_x: bool, allow_letters_after: int | None, homophones: bool
) -> str | NotUnderstood:
    folded = _SEPARATORS.sub("", fold_width(text).lower())
    folded = _LABEL.sub("", folded, count=1)
    out: list[str] = []
    position = 0
    while position < len(folded):
        character = folded[position]
        if allow_letters_after is not None and len(out) >= allow_letters_after:
            suffix = _SUFFIX_CHARACTERS.fullmatch(folded[position:].upper())
            if suffix:
                out.append(suffix.group(0))
                break
        x_word = _X_WORDS.match(folded, position) if allow_x else None
        if x_word:
            out.append("X")
            position = x_word.end()
            continue
        digit = DIGIT_CHARACTERS.get(character) or (_HOMOPHONES.get(character) if homophones else None)
        if digit is not None:
            out.append(digit)
        elif character in _NUMBER_WORDS:
            return NotUnderstood(f"{kind}_number_words", {"character": character})
        else:
            return NotUnderstood(f"{kind}_bad_characters", {"character": character, "position": len(out) + 1})
        position += 1
    read = "".join(out)
    if not read:
        return NotUnderstood("empty")
    return read


def _misplaced_x(read: str, *, last_allowed: int, kind: str = "id") -> NotUnderstood | None:
    for index, character in enumerate(read, start=1):
        if character == "X" and index != last_allowed:
            return NotUnderstood(f"{kind}_x_misplaced", {"position": index})
    return None
