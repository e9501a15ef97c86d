"""What the three document parsers share: collecting fields and warnings, and the confidence rules."""

from __future__ import annotations

import re

from ocr.fields import numbers
from ocr.fields.confusable import may_be_another, outweighed_in_a_name, rare_in_names
from ocr.fields.layout import Value, join
from ocr.fields.looks import commonest_length, fuse, word_level
from ocr.fields.places import begins_with_province, settle_address, settle_town
from ocr.fields.scripts import MAINLAND_PRINT, has_traditional
from ocr.fields.surnames import COMPOUND_SURNAMES, weigh_surname
from ocr.preprocess.sharpness import contrast, is_blurred, is_pale
from ocr.reading import Field, Warning

# Past a name's box, ink at least this share of the name's own contrast is a character the box missed.
INK_SHARE = 1 / 3
# 性别 misread, with or without its colon (性制：女), ending the value: recognisable by the 男 or 女 after it.
# Not its other half (领别女): with 性 lost, 贾明晨别女 would lose the name's own last character, 晨.
_MISREAD_SEX_LABEL = re.compile(r"性[^男女:：\s]?[:：\s]*[男女]$")
_NAME_CHARS = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff·]")


class Collected:
    def __init__(self) -> None:
        self.fields: dict[str, Field] = {}
        self.warnings: list[Warning] = []

    def put(self, name: str, value: str | int, confidence: float) -> None:
        # Nothing read from a photo is certain: 0.99 is the ceiling.
        self.fields[name] = Field(value, round(max(0.0, min(confidence, 0.99)), 3))

    def warn(self, code: str, field: str | None = None, **params: object) -> None:
        self.warnings.append(Warning(code, field, dict(params)))


def chinese_only(value: Value) -> Value:
    """Keep CJK characters (and the middle dot of transliterated names): labels' stray strokes and colons go."""
    keep = [i for i, c in enumerate(value.text) if _NAME_CHARS.match(c)]
    return Value("".join(value.text[i] for i in keep), tuple(value.confidences[i] for i in keep),
                 tuple(value.alternatives[i] for i in keep) if value.alternatives else (), value.box)


def read_free_text(looks: list[Value]) -> tuple[Value, float]:
    """Names, addresses and authorities have no check digit: their confidence is what the looks agree on.
    Calibrated on the benchmark (docs/ocr.md): looks that disagree never earn 0.9, and neither does a fused
    reading whose least sure character is under 0.9."""
    fused, unanimous = fuse(looks, MAINLAND_PRINT)
    least = fused.confidence
    if unanimous:
        return fused, least if least >= 0.9 else least * 0.85
    return fused, min(least * 0.9, 0.85)


def cut_at_labels(value: Value, labels: dict[str, tuple[str, ...]]) -> Value:
    """A look at a value's region can run into the next label ("贾弢昊性别男"): keep what comes before it."""
    cut = len(value.text)
    for spellings in labels.values():
        for spelling in spellings:
            index = value.text.find(spelling)
            if 0 < index < cut:
                cut = index
    if "sex" in labels:
        # The sex label misread ("东方华云性制女"): recognisable by the 男 or 女 that ends it.
        misread = _MISREAD_SEX_LABEL.search(value.text)
        if misread is not None and 2 <= misread.start() < cut:
            cut = misread.start()
    return value.sub(0, cut) if cut < len(value.text) else value


def row_or_region(layout, look, name: str, widths: float) -> Value | None:
    """A label's value from the first read, or from a second look at where it should be."""
    row = layout.row_after(name)
    if row is not None:
        return row
    region = layout.region_after(name, widths)
    if region is None or region[2] <= region[0]:
        return None
    value = look(region)
    return value if value.text else None


def look_free_text(parts: list[Value], look, labels: dict[str, tuple[str, ...]], tidy,
                   settle=None, name: bool = False) -> tuple[Value, float]:
    """Up to five looks at each part (the first read, the photo as taken, sharpened, two denoised), fused part
    by part. `settle` checks each look against what it must be (place names, `fields/places.py`) before the
    looks are fused, so looks that misread a place differently can still agree, and checks the fused part
    again. A place name can wrap onto the next line (黔东南苗族侗族自 / 治州), so each look is settled with
    the other parts around it: those already fused before it, the first reads after it. A person's `name`
    still doubtful after the five looks is also read by the other recognition model where there is one
    (engines/rapid.py): benchmark photo 4500065, 肖昊国, whose looks were torn between 吴 and 昊."""
    around = [tidy(cut_at_labels(part, labels)) for part in parts]
    fused, confidences = [], []
    for index, part in enumerate(parts):
        if settle is None:
            clean = tidy
        else:
            def clean(v: Value, index: int = index) -> Value:
                return _settled_in_context(settle, tidy(v), around, index)
        first = clean(cut_at_labels(part, labels))

        def tidied(v: Value, clean=clean, first: Value = first) -> Value:
            """Another look, cut and cleaned as the first read was."""
            return clean(_without_label_tail(cut_at_labels(v, labels), first, labels))

        looks = [first, tidied(look(part.box))]
        if looks[0].text != looks[1].text or min(looks[0].confidence, looks[1].confidence) < 0.9:
            # Only a doubtful part earns the third look: two sure looks that agree are not overruled by it.
            looks.append(tidied(look.sharpened(part.box)))
        value, confidence = read_free_text(looks)
        if confidence < 0.9:
            # Still doubtful: two more looks, on the evened image (the first read's) and the photo as taken,
            # each doubled and denoised; all looks are fused again.
            looks += [tidied(look.denoised(part.box, evened=True)), tidied(look.denoised(part.box))]
            other = _other_models_look(look, part.box, looks, tidied) if name else None
            if other is not None:
                # A name still doubtful: the other model's look counts as half of this model's looks (two
                # of five). They share this model's blind spots (every look read 吴 for 昊), it does not; but
                # it has its own, so it breaks ties rather than overrules. Measured in docs/ocr.md.
                looks += [other] * max(1, len(looks) // 2)
            value, confidence = read_free_text(looks)
            if other is not None:
                confidence = min(confidence, 0.85)     # two models' agreement is not calibrated: never certain
        if settle is not None:
            settled = _settled_in_context(settle, value, around, index)
            if settled.text != value.text:
                # The looks' fused reading misspelt a place the list knows: written in, but the looks did not
                # say so themselves, so never certain.
                value, confidence = settled, min(settled.confidence * 0.9, 0.85)
        if _never_certain(value, look, part.box):
            confidence = min(confidence, 0.85)
        if value.text:
            around[index] = value
            fused.append(value)
            confidences.append(confidence)
    return join(fused), min(confidences, default=0.0)


def _other_models_look(look, box: tuple[float, float, float, float], looks: list[Value], clean) -> Value | None:
    """The other recognition model's look at `box`, tidied as the others were; None when there is no other
    model, or when its reading has another length than most of this model's looks: it is asked which
    characters, never how many."""
    other = look.by_other_model(box)
    if other is None:
        return None
    other = clean(other)
    return other if len(other.text) == commonest_length(looks)[0] else None


def _never_certain(value: Value, look, box: tuple[float, float, float, float]) -> bool:
    """Readings whose agreeing looks still prove nothing:
    - a traditional character (賈 for 贾): mainland documents print simplified ones, so it is most likely a
      misreading; it is not respelled (the table leaves out the 通用规范汉字表's own characters, 昇 among them);
    - blurred text: the recogniser is over-confident there, it read 淼 as 森 and 莺 as 驾 at 0.99 in every look
      (preprocess/sharpness.py);
    - pale text, washed out by glare or a dim room: 34号 read as 31号 at 0.99 by every look, the 4's crossbar
      lost under glare (preprocess/sharpness.py, fresh benchmark set 12500000, photo 12500102);
    - an engine with one confidence per word and no runners-up (Tesseract): its looks agree on whole words,
      right or wrong, and cannot be fused per character."""
    return (has_traditional(value) or is_blurred(look.first_image, box) or is_pale(look.first_image, box)
            or word_level(look))


def _settled_in_context(settle, value: Value, around: list[Value], index: int) -> Value:
    """`value`, a look at part `index`, settled as part of the whole: `around` gives the other parts' text."""
    before = "".join(v.text for v in around[:index])
    whole = settle(join([*around[:index], value, *around[index + 1:]]))
    own = whole.sub(len(before), len(before) + len(value.text))
    return Value(own.text, own.confidences, own.alternatives, value.box)


def read_past_the_box(value: Value, confidence: float, row: Value, look, labels: dict[str, tuple[str, ...]],
                      right_limit: float, room: float) -> tuple[Value, float]:
    """A detector box can stop short of a name's last character (glare over the 骉 of 皇甫军骉, read as 皇甫军
    at 0.99 by every look at that box). One look from the name's last character to up to 1.5 characters past
    the box, never into the next piece of text (`room`) or past `right_limit`, that reads more characters after
    that last one means the name was cut: the longer reading is offered, as sure as its least sure character
    and never certain."""
    left, top, right, bottom = row.box
    height = bottom - top
    end = min(right + 1.5 * height, right_limit, room - 0.1 * height)
    if end < right + 0.5 * height:
        return value, confidence
    if contrast(look.first_image, (right, top, end, bottom)) < INK_SHARE * contrast(look.first_image, row.box):
        # Bare paper past the box: nothing was cut, and a look there would read the paper's noise as a character
        # (卢麒 read 卢麒业 in a dim photo, 5300123). A character the box missed is printed in the name's own ink,
        # glare or not. Most names end on bare paper, so most cost no look here.
        return value, confidence
    # Only the name's last character and what lies past it are read again: a narrower crop costs less.
    beyond = chinese_only(cut_at_labels(look.evened((max(left, right - 1.1 * height), top, end, bottom)), labels))
    overlap = next((k for k in range(min(len(value.text), len(beyond.text)), 0, -1)
                    if beyond.text.startswith(value.text[-k:])), 0)
    if not overlap or len(beyond.text) <= overlap:
        # Nothing more, or a reading that does not line up with the name's end: the box held the whole name.
        return value, confidence
    extra = beyond.sub(overlap, len(beyond.text))
    longer = join([value, extra])
    return longer, min(confidence, extra.confidence, 0.85)


def read_address(parts: list[Value], layout, look, labels: dict[str, tuple[str, ...]],
                 right_limit: float) -> tuple[Value, float]:
    """An address from its lines (`parts`, first to last), checked against the place list. An address begins
    with its province:
    - when the first line does not, but the line just above it does and starts at its left edge, the label's row
      was taken one line too low and that line is the address's first (photo 10500005, a card straightened a
      little off: its 住址 stood level with the address's second line, and 栋5单元1501室 was read as the whole
      address at 0.99);
    - an address that still does not is never certain: its beginning may be lost."""
    if parts and not begins_with_province(chinese_or_digits(parts[0]).text):
        above = _line_above(parts[0], layout, right_limit)
        if above is not None and begins_with_province(chinese_or_digits(above).text):
            parts = [above, *parts]
    value, confidence = look_free_text(parts, look, labels, chinese_or_digits, settle_address)
    town = settle_town(value)
    if town.text != value.text:
        # Once, on the looks' fused reading: set right per look, a misread town would make the looks agree.
        value, confidence = town, min(confidence, 0.85)
    if not begins_with_province(value.text):
        confidence = min(confidence, 0.85)
    return value, confidence


def _line_above(line: Value, layout, right_limit: float) -> Value | None:
    """The value line right above `line` (within a line's gap) that starts near its left edge, if any."""
    height = line.box[3] - line.box[1]
    centre = (line.box[1] + line.box[3]) / 2
    above = [v for v in layout.values()
             if 0.5 * height < centre - (v.box[1] + v.box[3]) / 2 < 1.6 * height
             and abs(v.box[0] - line.box[0]) < 1.5 * height and v.box[0] < right_limit]
    return max(above, key=lambda v: v.box[1], default=None)


def chinese_or_digits(value: Value) -> Value:
    return value.without_spaces().stripped()


def read_name(row: Value, look, labels: dict[str, tuple[str, ...]], right_limit: float,
              room: float, sex_label_after: bool = False) -> tuple[Value, float]:
    """A person's name from its row: the fused looks, one look past the box's end, and what only names need:
    - a character the recogniser is known to read, as surely, for a rarer name character once blurred (森 for
      淼, 赞 for 赟: fields/confusable.py) is never certain, even where the line's measured blur stayed under
      the threshold (严淼霞 read 严森霞 at 0.98 by every look). Names only: the table is built from names'
      frequencies, and an address's 镇 is no blurred 镔;
    - and neither is a given-name character read where the recogniser also saw one far commoner in names (字
      with 宇 behind it: fields/confusable.py);
    - nor one outside the commonest thousand given-name characters (型 read for 堃, 听 for 昕:
      fields/confusable.py);
    - a doubtful surname is weighed by how common it is (同嘉 read with 闫 behind 同 is 闫嘉), and one unknown or
      outweighed is never certain (fields/surnames.py);
    - a name is a surname and a given name: one character means part of it was not read (0.45 at most);
    - where the 性别 label stands right after the name on its row (`sex_label_after`: certificates), that label
      misread into the name is cut off."""
    value, confidence = look_free_text([row], look, labels, chinese_only, name=True)
    value, confidence = read_past_the_box(value, confidence, row, look, labels, right_limit, room)
    if sex_label_after:
        value, confidence = _without_a_misread_sex_label(value, confidence)
    value, confidence = weigh_surname(value, confidence)
    if may_be_another(value) or outweighed_in_a_name(value) or rare_in_names(value):
        confidence = min(confidence, 0.85)
    if len(value.text) == 1:
        confidence = min(confidence, 0.45)
    return value, confidence


def _without_a_misread_sex_label(value: Value, confidence: float) -> tuple[Value, float]:
    """A certificate prints 性别 and the sex right of the name; read into the name's line with 别 misread, the
    label is no label and stays in it (欧阳文子性割势, fresh set 19300000, photo 19300182; 方宇立性则筹,
    13300128), and the sex after it may be lost (马志波性则, 21700065). 性 is no surname, and about the 1,600th
    given-name character: 性 after two characters or more, with one or two characters after it, is the label.
    What is left is never certain: the line was not read as laid out."""
    at = value.text.find("性", 2)
    if at < 0 or len(value.text) - at not in (2, 3) or value.text[:at] in COMPOUND_SURNAMES:
        # What would be left is a surname alone (欧阳性X): the name's own 性, kept.
        return value, confidence
    return value.sub(0, at), min(confidence, 0.85)


def resolve_number(first: Value, look, length: int, is_valid):
    """A number from the first read when it passes its check; otherwise two more looks allowed only digits
    and X, and the check decides."""
    reading = numbers.resolve([first], length, is_valid)
    if reading is not None and not reading.suggestion:
        return reading
    looks = [first, look(first.box, numbers.ID_ALPHABET), look.sharpened(first.box, numbers.ID_ALPHABET)]
    return numbers.resolve(looks, length, is_valid)


def _without_label_tail(value: Value, first: Value, labels: dict[str, tuple[str, ...]]) -> Value:
    """A second look's crop is padded and can catch the end of the label before the value (名 of 姓名, 关 of
    签发机关): drop such a leading tail when the first look, cut exactly, does not start with it."""
    for spellings in labels.values():
        for spelling in spellings:
            for size in range(len(spelling), 0, -1):
                tail = spelling[-size:]
                if value.text.startswith(tail) and not first.text.startswith(tail):
                    return value.sub(size, len(value.text))
    return value
