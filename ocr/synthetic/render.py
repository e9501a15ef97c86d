"""Flat, straight renderings of the four documents with their true fields: the ground truth the tests and the
benchmark compare against. `ocr.synthetic.photo` turns them into phone photos."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random

from PIL import Image, ImageDraw, ImageFilter

from ocr.synthetic.fonts import NUMBER_FACES, VALUE_FACES, font
from ocr.synthetic.people import Certificate, IdCardBack, Person, category_name

ID_CARD_SIZE = (1012, 638)          # 85.6 x 54 mm at 300 dpi
BOOKLET_SIZE = (1120, 790)
CHINESE_DIGITS = "〇一二三四"
FORMAL_DIGITS = "零壹贰叁肆"


@dataclasses.dataclass(frozen=True)
class Rendered:
    kind: str                        # id_card_front | id_card_back | disability_certificate
    variant: str                     # e.g. "booklet", "card"
    image: Image.Image
    truth: dict[str, object]         # field name -> value as `python -m ocr` prints it


def render_id_card_front(person: Person, rng: random.Random) -> Rendered:
    img = _card_background(rng, ID_CARD_SIZE, tint=(236, 240, 246))
    d = ImageDraw.Draw(img)
    label, label_colour = font("sans", 26), (30, 110, 170)
    face = rng.choice(VALUE_FACES)
    value, ink = font(face, 32), _ink(rng)
    x0, y0 = 62 + rng.randint(-8, 8), 62 + rng.randint(-8, 8)
    vx = x0 + 94
    d.text((x0, y0 + 6), "姓名", font=label, fill=label_colour)
    d.text((vx, y0), person.name, font=font("sans_bold" if face == "sans" else face, 36), fill=ink)
    d.text((x0, y0 + 76), "性别", font=label, fill=label_colour)
    d.text((vx, y0 + 70), "男" if person.sex == "male" else "女", font=value, fill=ink)
    d.text((x0 + 200, y0 + 76), "民族", font=label, fill=label_colour)
    d.text((vx + 200, y0 + 70), person.ethnicity, font=value, fill=ink)
    d.text((x0, y0 + 146), "出生", font=label, fill=label_colour)
    b = person.birth_date
    _spaced(d, (vx, y0 + 140), [(str(b.year), value, ink), ("年", label, label_colour),
                               (str(b.month), value, ink), ("月", label, label_colour),
                               (str(b.day), value, ink), ("日", label, label_colour)], gap=14)
    d.text((x0, y0 + 216), "住址", font=label, fill=label_colour)
    for i, line in enumerate(_wrap(person.address, 11)):
        d.text((vx, y0 + 210 + i * 46), line, font=value, fill=ink)
    d.text((x0, y0 + 436), "公民身份号码", font=label, fill=label_colour)
    _letter_spaced(d, (x0 + 210, y0 + 428), person.id_number, font(rng.choice(NUMBER_FACES), 38), ink, spacing=4)
    _portrait(img, rng, (650, 70, 950, 440))
    truth = {
        "name": person.name, "sex": person.sex, "ethnicity": person.ethnicity,
        "birth_date": person.birth_date.isoformat(), "address": person.address, "id_number": person.id_number,
    }
    return Rendered("id_card_front", face, img, truth)


def render_id_card_back(back: IdCardBack, rng: random.Random) -> Rendered:
    img = _card_background(rng, ID_CARD_SIZE, tint=(240, 238, 232))
    d = ImageDraw.Draw(img)
    _emblem(d, (70, 50, 250, 230))
    d.text((330, 80), "中华人民共和国", font=font("sans_bold", 52), fill=(40, 40, 40))
    _letter_spaced(d, (300, 170), "居民身份证", font(rng.choice(("sans_bold", "serif")), 80), (40, 40, 40), spacing=18)
    label, label_colour = font("sans", 28), (40, 40, 40)
    face = rng.choice(VALUE_FACES)
    value, ink = font(face, 30), _ink(rng)
    x0, y0 = 230 + rng.randint(-10, 10), 430 + rng.randint(-10, 10)
    d.text((x0, y0 + 4), "签发机关", font=label, fill=label_colour)
    d.text((x0 + 150, y0), back.issuing_authority, font=value, fill=ink)
    d.text((x0, y0 + 80), "有效期限", font=label, fill=label_colour)
    until = "长期" if back.valid_until is None else f"{back.valid_until:%Y.%m.%d}"
    d.text((x0 + 150, y0 + 76), f"{back.valid_from:%Y.%m.%d}-{until}", font=value, fill=ink)
    truth = {
        "issuing_authority": back.issuing_authority, "valid_from": back.valid_from.isoformat(),
        "valid_until": "long_term" if back.valid_until is None else back.valid_until.isoformat(),
    }
    return Rendered("id_card_back", face, img, truth)


def render_certificate(cert: Certificate, rng: random.Random, *, variant: str | None = None) -> Rendered:
    """The second-generation booklet's data page, or the third-generation card (variant "booklet"/"card").
    Grades appear as 一级 or 壹级, dates in the styles offices print, validity as a date or as 有效期十年."""
    variant = variant or rng.choice(("booklet", "card"))
    person = cert.person
    face = rng.choice(VALUE_FACES)
    ink = _ink(rng)
    formal = rng.random() < 0.4
    grade_text = (FORMAL_DIGITS if formal else CHINESE_DIGITS)[cert.grade] + "级"
    category_text = category_name(cert.category) + ("残疾" if rng.random() < 0.3 else "")
    date_style = rng.choice(("cn", "cn_padded", "dash", "dot"))
    ten_years = rng.random() < 0.3
    validity = "有效期十年" if ten_years else (
        f"{_date(cert.issue_date, date_style)}至{_date(cert.valid_until, date_style)}" if rng.random() < 0.5
        else _date(cert.valid_until, date_style))
    colon = "：" if rng.random() < 0.5 else ""
    rows = [
        [("姓名", person.name), ("性别", "男" if person.sex == "male" else "女")],
        [("出生日期", _date(person.birth_date, date_style))],
        [("证号", cert.number)],
        [("残疾类别", category_text), ("残疾等级", grade_text)],
        [("住址", person.address)],
        [("发证日期", _date(cert.issue_date, date_style))],
        [("有效期" if not ten_years else "", validity)],
    ]
    if variant == "booklet":
        img = _card_background(rng, BOOKLET_SIZE, tint=(246, 244, 236))
        d = ImageDraw.Draw(img)
        _letter_spaced(d, (300, 40), "中华人民共和国残疾人证", font("sans_bold", 46), (150, 30, 30), spacing=4)
        _portrait(img, rng, (820, 150, 1060, 460))
        x0, y0, pitch, size, wrap_at, col2 = 60, 140, 78, 30, 18, 480
    else:
        tint = (226, 236, 250) if cert.category != 1 else (250, 228, 226)
        img = _card_background(rng, ID_CARD_SIZE, tint=tint)
        d = ImageDraw.Draw(img)
        _letter_spaced(d, (190, 24), "中华人民共和国残疾人证", font("sans_bold", 40), (20, 60, 140), spacing=3)
        _portrait(img, rng, (790, 120, 970, 350))
        x0, y0, pitch, size, wrap_at, col2 = 40, 100, 64, 26, 24, 370
    x0 += rng.randint(-8, 8)
    y0 += rng.randint(-6, 6)
    label, value = font("sans", size - 2), font(face, size)
    label_colour = (60, 60, 60)
    label_width = int(d.textlength("残疾类别" + colon, font=label)) + 16
    y = y0
    for row in rows:
        for col, (name, text) in enumerate(row):
            x = x0 + col * col2
            if name:
                d.text((x, y + 3), name + colon, font=label, fill=label_colour)
                x += label_width if col == 0 else int(d.textlength(name + colon, font=label)) + 16
            if name == "证号":
                _letter_spaced(d, (x, y - 2), text, font(rng.choice(NUMBER_FACES), size + 4), ink, spacing=2)
            elif name == "住址":
                for i, line in enumerate(_wrap(text, wrap_at)):
                    d.text((x, y + i * (size + 12)), line, font=value, fill=ink)
                y += (len(_wrap(text, wrap_at)) - 1) * (size + 12)
            else:
                d.text((x, y), text, font=value, fill=ink)
        y += pitch
    truth = {
        "name": person.name, "sex": person.sex, "birth_date": person.birth_date.isoformat(),
        "certificate_number": cert.number, "id_number": person.id_number,
        "disability_category": cert.category, "disability_grade": cert.grade, "address": person.address,
        "issue_date": cert.issue_date.isoformat(), "valid_until": cert.valid_until.isoformat(),
    }
    return Rendered("disability_certificate", variant, img, truth)


def _date(day: dt.date, style: str) -> str:
    if style == "cn":
        return f"{day.year}年{day.month}月{day.day}日"
    if style == "cn_padded":
        return f"{day:%Y}年{day:%m}月{day:%d}日"
    if style == "dash":
        return f"{day:%Y-%m-%d}"
    return f"{day:%Y.%m.%d}"


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def _ink(rng: random.Random) -> tuple[int, int, int]:
    g = rng.randint(5, 45)
    return (g, g, g + rng.randint(0, 15))


def _spaced(d: ImageDraw.ImageDraw, xy: tuple[int, int], parts, gap: int) -> None:
    x, y = xy
    for text, f, fill in parts:
        d.text((x, y + (6 if f.size < 30 else 0)), text, font=f, fill=fill)
        x += int(d.textlength(text, font=f)) + gap


def _letter_spaced(d: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, f, fill, spacing: int) -> None:
    x, y = xy
    for ch in text:
        d.text((x, y), ch, font=f, fill=fill)
        x += int(d.textlength(ch, font=f)) + spacing


def _card_background(rng: random.Random, size: tuple[int, int], tint: tuple[int, int, int]) -> Image.Image:
    """A pale tinted ground with faint guilloche-like waves, as security printing has."""
    w, h = size
    img = Image.new("RGB", size, tint)
    d = ImageDraw.Draw(img)
    phase = rng.random() * 6.28
    for k in range(0, h, 18):
        colour = tuple(max(0, c - rng.randint(6, 14)) for c in tint)
        pts = [(x, k + 6 * math.sin(x / 37.0 + phase + k / 50.0)) for x in range(0, w, 8)]
        d.line(pts, fill=colour, width=1)
    return img.filter(ImageFilter.GaussianBlur(0.6))


def _portrait(img: Image.Image, rng: random.Random, box: tuple[int, int, int, int]) -> None:
    """A photo area: a head-and-shoulders silhouette on a plain ground, so the page has a dark blob as real
    documents do (it must not be read as text)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    photo = Image.new("RGB", (w, h), rng.choice(((225, 228, 232), (200, 215, 235), (235, 235, 235))))
    d = ImageDraw.Draw(photo)
    tone = rng.randint(60, 120)
    d.ellipse((w * 0.3, h * 0.15, w * 0.7, h * 0.55), fill=(tone + 80, tone + 60, tone + 40))
    d.ellipse((w * 0.05, h * 0.6, w * 0.95, h * 1.4), fill=(tone, tone, tone + 10))
    img.paste(photo, (x0, y0))


def _emblem(d: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    d.ellipse(box, fill=(200, 40, 40))
    x0, y0, x1, y1 = box
    cx, cy, r = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2
    d.ellipse((cx - r * 0.7, cy - r * 0.7, cx + r * 0.7, cy + r * 0.7), outline=(240, 200, 60), width=6)
    d.regular_polygon((cx, cy - r * 0.2, r * 0.25), 5, fill=(240, 200, 60))
