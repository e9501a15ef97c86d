"""More looks at one region of the document, on other renderings of the straightened image, and their fusion.
Each rendering (light evened, as photographed, sharpened) makes different mistakes; averaging the
recogniser's per-character probabilities over them corrects many single looks, and where they disagree the
average is low, which is the honest confidence."""

from __future__ import annotations

from collections import Counter, defaultdict

import cv2
import numpy as np

from ocr.engines.boundary import RUNNERS_UP, TextEngine, TextLine
from ocr.fields.layout import Value


class SecondLook:
    """Looks at regions of `image` (the straightened photo as taken); `first_image` is the rendering the
    first read used (light evened), when there is one."""

    def __init__(self, engine: TextEngine, image: np.ndarray, first_image: np.ndarray | None = None):
        self.engine = engine
        self.image = image
        self.first_image = first_image if first_image is not None else image
        self._sharpened: np.ndarray | None = None

    def __call__(self, box: tuple[float, float, float, float], alphabet: str | None = None) -> Value:
        return _value(self.engine.reread(self.image, box, alphabet))

    def evened(self, box: tuple[float, float, float, float]) -> Value:
        """A look at a region of the rendering the first read used (light evened)."""
        return _value(self.engine.reread(self.first_image, box))

    def sharpened(self, box: tuple[float, float, float, float], alphabet: str | None = None) -> Value:
        if self._sharpened is None:
            blurred = cv2.GaussianBlur(self.image, (0, 0), 1.5)
            self._sharpened = cv2.addWeighted(self.image, 1.8, blurred, -0.8, 0)
        return _value(self.engine.reread(self._sharpened, box, alphabet))

    def by_other_model(self, box: tuple[float, float, float, float]) -> Value | None:
        """A look by the other recogniser, where the engine has one (engines/rapid.py), at the rendering the
        first read used: a model trained apart errs elsewhere."""
        reread = getattr(self.engine, "reread_by_other_model", None)
        line = reread(self.first_image, box) if reread is not None else None
        return None if line is None else _value(line)

    def denoised(self, box: tuple[float, float, float, float], evened: bool = False) -> Value:
        """The region doubled in size and cleared of noise (non-local means): in dim photos the light evening
        amplifies sensor noise into strokes; on a small crop this costs a few milliseconds."""
        image = self.first_image if evened else self.image
        h, w = image.shape[:2]
        left, top, right, bottom = box
        margin = bottom - top
        x0, y0 = max(0, int(left - margin)), max(0, int(top - margin))
        x1, y1 = min(w, int(right + margin)), min(h, int(bottom + margin))
        # Denoised at its own size with a small search window (the default window costs 0.25 s on an
        # address line), then doubled.
        clean = cv2.fastNlMeansDenoisingColored(image[y0:y1, x0:x1], None, 10, 10, 5, 11)
        clean = cv2.resize(clean, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        inner = ((left - x0) * 2, (top - y0) * 2, (right - x0) * 2, (bottom - y0) * 2)
        line = self.engine.reread(clean, inner)
        return Value(line.text, line.confidences, line.alternatives or ((),) * len(line.text), box)


def word_level(look) -> bool:
    """Whether the engine behind `look` gives one confidence per word and no runners-up (Tesseract): its looks
    agree on whole words, right or wrong, so their agreement is no independent evidence."""
    return not getattr(look.engine, "character_confidences", True)


def _value(line: TextLine) -> Value:
    return Value(line.text, line.confidences, line.alternatives or ((),) * len(line.text), line.box)


def fuse(looks: list[Value], script=None) -> tuple[Value, bool]:
    """One value from several looks, and whether they all read the same text.

    Looks of the most common length are aligned position by position; at each position every look gives the
    probability it saw for each candidate character (its choice or a runner-up; 0 when it did not consider
    it), and the character with the highest average wins, its average being its confidence. `script`, when
    given, says how likely a character is to be printed at all (a traditional one on a mainland document is
    not, `fields/scripts.MainlandPrint`): the winner is the highest average times its weight, and the looks
    that read it in its traditional form count for it. A reading the weights changed is not unanimous,
    whatever the looks said."""
    looks = [v for v in looks if v.text]
    if not looks:
        return Value("", (), (), (0, 0, 0, 0)), False
    if len({v.text for v in looks}) == 1:
        if script is None or _vote(looks, len(looks), script)[0] == looks[0].text:
            best = max(looks, key=lambda v: v.confidence)
            # The mean, not the surest look: three looks agreeing on 黄德吴 at 0.67, 0.90 and 0.91 for the 昊 they
            # misread are not 0.91 sure (a fresh benchmark set, docs/ocr.md).
            merged = tuple(sum(v.confidences[i] for v in looks) / len(looks) for i in range(len(best.text)))
            return Value(best.text, merged, best.alternatives, best.box), True
    length, count = commonest_length(looks)
    if count < 2 and len(looks) > 1:
        best = max(looks, key=lambda v: v.confidence)
        return Value(best.text, tuple(min(c, 0.45) for c in best.confidences), best.alternatives, best.box), False
    aligned = [v for v in looks if len(v.text) == length]
    text, confidences, alternatives = _vote(aligned, len(looks), script)
    return Value(text, confidences, alternatives, aligned[0].box), False


def commonest_length(looks: list[Value]) -> tuple[int, int]:
    """The length most of the looks that read anything read, and how many did; (0, 0) for none."""
    lengths = Counter(len(v.text) for v in looks if v.text)
    return lengths.most_common(1)[0] if lengths else (0, 0)


def _vote(aligned: list[Value], looks: int, script) -> tuple[str, tuple[float, ...], tuple]:
    """The winning character at each position, its averaged vote, and the runners-up with theirs (the later
    rules for names read them as the first read's: fields/confusable.py)."""
    chars, confidences, alternatives = [], [], []
    for i in range(len(aligned[0].text)):
        votes: dict[str, float] = defaultdict(float)
        for v in aligned:
            votes[v.text[i]] += v.confidences[i]
            for char, probability in (v.alternatives[i] if v.alternatives else ()):
                votes[char] += probability

        def forms(c: str) -> float:
            """The votes for `c` in its traditional forms: looks that read 埡 saw the 垭 that is printed."""
            return 0.0 if script is None else sum(p for t, p in votes.items() if script.same_character(c, t))

        # Benchmark photo 2500167: three looks read 埡 (垭 their runner-up) and two denoised ones 场; counted apart,
        # 场 outvoted both forms of 垭.
        char = max(votes, key=lambda c: votes[c] * (1.0 if script is None else script.weight(c)) + forms(c))
        total = votes[char] + forms(char)
        chars.append(char)
        # Averaged over all looks, the dissenting ones included: a split vote cannot look certain.
        confidences.append(min(total / looks, 1.0))
        others = sorted((c for c in votes if c != char), key=lambda c: votes[c], reverse=True)[:RUNNERS_UP]
        alternatives.append(tuple((c, votes[c] / looks) for c in others))
    return "".join(chars), tuple(confidences), tuple(alternatives)
