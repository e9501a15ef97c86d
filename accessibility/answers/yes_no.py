"""Yes or no, in the many ways people say them: 是、对、嗯、有、好、行、可以、没错、要得 / 不是、不、没有、
不对、否、不用、没得.

The answer is cut into known phrases, longest first, so "没问题" and "没错" are yeses although they start
like a no, and "有没有" or "是不是" (the question said back) hold both and are not understood. Phrases
that are neither ("不知道", "不确定", "可能") make the whole answer unclear rather than a no.

Codes returned:
- `empty`: nothing but spaces or punctuation.
- `yes_no_unclear`: neither a clear yes nor a clear no (mixed, hedged, a question, or other words).
"""
from __future__ import annotations

from accessibility.answers.results import NotUnderstood, Understood
from accessibility.answers.text import compact, split_clauses

_YES = (
    "是", "是的", "是啊", "是呀", "是滴", "是嘞", "对", "对的", "对啊", "对呀", "对头", "对着", "嗯", "嗯嗯", "恩", "有",
    "有的", "有啊", "好", "好的", "好啊", "可以", "可以的", "行", "行的", "没错", "没有错", "没问题", "同意", "确定",
    "正确", "当然", "当然是", "需要", "要", "要的", "要得", "申请", "yes", "yeah", "yep", "y", "ok", "okay", "1",
    "agree", "iagree", "yesiagree", "sure", "right", "correct", "thatsright",
    # Said to a notice read out ("您知道了吗？"): 不知道/不明白 stay unclear (a hedge, or a no with a yes).
    "知道", "知道了", "晓得", "晓得了", "明白", "明白了", "清楚了", "懂了", "了解", "了解了",
)
_NO = (
    "不是", "不是的", "不", "没有", "没", "没得", "莫得", "没有的", "不对", "不对的", "否", "不用", "不用了",
    "不要", "不需要", "不行", "不可以", "不同意", "不申请", "错", "错的", "错了", "无", "不得", "no", "n", "nope", "0",
    "disagree", "idisagree", "idonotagree", "idontagree", "wrong", "notright",
)
# Words that leave the answer open, whatever else is said with them.
_HEDGES = (
    "不知道", "不晓得", "不清楚", "不确定", "不一定", "不记得", "不太清楚", "不太确定", "不错", "也许", "可能", "大概",
    "应该", "好像", "差不多", "或许", "吗", "么", "是不是", "有没有", "对不对", "要不要", "行不行", "好不好", "可不可以",
    "没准",
)
# Small words that carry no yes or no ("是的呀", "对对对啦", "嗯，是的").
_FILLERS = set("啊呀吧呢哦噢嘛啦哈呐咯喽嘞呗也都就")
# "我是" / "我们没有" / "他不是": the subject said before the yes or no.
_SUBJECTS = ("我们家", "我们", "我家", "我", "俺", "他们", "他", "她", "家里", "本人")
_HESITATIONS = ("嗯嗯", "嗯", "恩", "呃", "额", "唔")

_PHRASES = sorted(
    [(p, True) for p in _YES] + [(p, False) for p in _NO] + [(p, None) for p in _HEDGES],
    key=lambda pair: len(pair[0]),
    reverse=True,
)

_UNCLEAR = NotUnderstood("yes_no_unclear")


def parse_yes_no(text: str) -> Understood[bool] | NotUnderstood:
    """True for a yes, False for a no; the first clause decides when it is a plain yes or no and no
    later clause says the opposite ("不是，我是他儿子" is a no), otherwise the whole answer must be."""
    whole = _without_hesitation(compact(text))
    if not whole:
        return NotUnderstood("empty")
    clauses = [c for c in (_without_hesitation(c) for c in split_clauses(text)) if c not in _HESITATIONS]
    first = _polarity(clauses[0]) if clauses else None
    if len(clauses) > 1 and first is not None:
        # "是，不是" takes it back: a later clause that is a plain opposite leaves the answer open.
        if any(_polarity(c) not in (None, first) for c in clauses[1:]):
            return _UNCLEAR
        return Understood(first, note="more_was_said")
    verdict = _polarity(whole)
    if verdict is None:
        return _UNCLEAR
    return Understood(verdict)


def _without_hesitation(text: str) -> str:
    """"嗯，不是" is a no: a leading 嗯 or 呃 followed by more words is hesitation, not agreement."""
    for sound in _HESITATIONS:
        if text.startswith(sound) and text[len(sound):] and text[len(sound):] not in _HESITATIONS:
            text = text[len(sound):]
            break
    for subject in _SUBJECTS:
        if text.startswith(subject) and len(text) > len(subject):
            return text[len(subject):]
    return text


# Digits are a yes or a no only alone ("1" for the first choice of 是/否): "11" or "10" is a number, said to some
# other question (a summary answered "11" was taken for 提交).
_DIGIT_ANSWERS = frozenset({"1", "0"})


def _polarity(text: str) -> bool | None:
    """True or False when the text is made only of yes phrases or only of no phrases (and fillers)."""
    if any(c.isdigit() for c in text) and text not in _DIGIT_ANSWERS:
        return None
    found: set[bool] = set()
    position = 0
    while position < len(text):
        if text[position] in _FILLERS and not _phrase_at(text, position):
            position += 1
            continue
        phrase = _phrase_at(text, position)
        if phrase is None:
            return None
        word, meaning = phrase
        if meaning is None:
            return None
        found.add(meaning)
        position += len(word)
    if len(found) != 1:
        return None
    return found.pop()


def _phrase_at(text: str, position: int) -> tuple[str, bool | None] | None:
    for word, meaning in _PHRASES:
        if text.startswith(word, position):
            return word, meaning
    return None
