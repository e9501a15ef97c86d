"""What a person says in a chat that is not an answer to the question asked: a greeting or a plain wish
to apply ("你好", "我想申请补贴"), a question about where their application stands ("查进度", "我的申请到哪一步
了"), and the one-time code that links the chat to the mini program ("绑定 123456"), typed or recognised
from a WeChat voice message ("绑定6 6 7 1 4 7。", "绑定六六七一四七", 幺 for 1).

Like the commands, the whole message must be one of them (give or take filler words and punctuation), so
an answer that merely contains such a word is left to the question's parser."""
from __future__ import annotations

import re
from dataclasses import dataclass

from accessibility.answers.text import compact, digits_read_out, fold_width, trimmed_variants

LINK_CODE_LENGTH = 6

_GREETINGS = ("你好", "您好", "你们好", "大家好", "喂", "哈喽", "嗨", "在吗", "在不在", "有人吗", "早上好", "上午好",
              "中午好", "下午好", "晚上好", "早", "hello", "hi", "hey")
# A wish to apply without saying for whom ("我想申请补贴"): the first question asks exactly that.
_WISH_VERBS = ("申请", "办", "办理", "领", "申领", "要")
_WISH_OBJECTS = ("", "补贴", "两项补贴", "残疾人补贴", "残疾人两项补贴", "残疾补贴", "生活补贴和护理补贴", "这个补贴",
                 "一下", "一下补贴")
_WISHES = {f"{verb}{thing}" for verb in _WISH_VERBS for thing in _WISH_OBJECTS if f"{verb}{thing}" not in ("要", "办")} | {
    "apply", "iwanttoapply", "idliketoapply", "iwouldliketoapply", "iwanttoapplyforthesubsidies"}

# Where the application stands. Matched after the fillers below are taken off both ends.
_STATUS = frozenset({
    "进度", "查进度", "看进度", "查看进度", "查询进度", "进度查询", "查询", "查一查", "查状态", "状态", "办理进度",
    "审核进度", "审批进度", "审核状态", "审核结果", "结果", "查结果", "结果出来了", "结果出来了没有", "结果出来没有", "有结果了没有",
    "到哪一步了", "到哪一步", "到哪步了", "到哪了", "到哪儿了", "到哪里了", "到什么地步了", "到什么程度了",
    "审核到哪了", "审核到哪儿了", "审核到哪一步了", "审核到哪里了", "审到哪了", "审到哪一步了", "审批到哪了",
    "怎么样了", "审核怎么样了", "办得怎么样了", "办好了没有", "办好没有", "批下来了没有", "批了没有", "通过了没有",
    "有消息了没有", "有消息没有",
    # In English, as compact() leaves it, for a person reading the prompts in English.
    "status", "progress", "checkstatus", "checkprogress", "applicationstatus", "whereismyapplication",
    "howismyapplication", "howismyapplicationgoing",
})
_LEADING = ("我想", "我要", "想", "要", "请你", "请您", "请", "麻烦你", "麻烦您", "麻烦", "帮我", "给我", "你好", "您好",
            "查一下", "查查", "查", "看一下", "看看", "问一下", "问问", "我想问一下", "我想知道", "想知道", "我问一下",
            "我的", "我们的", "他的", "她的", "我家的", "那个", "这个", "我", "的")
_SUBJECTS = ("补贴申请", "申请", "补贴", "两项补贴", "审核", "审批")
_TRAILING = ("吗", "呢", "啊", "呀", "吧", "啦", "哦", "谢谢", "谢谢你", "谢谢您")

_CLAUSE_END = re.compile(r"[,.;:!?，。；：！？、]+")
_LINK = re.compile(r"(?:绑定|綁定|帮定|bind|link)(?:码|碼|code)?(.*)")


@dataclass(frozen=True)
class LinkCode:
    """"绑定 …": `code` is the six digits when they were said, else None; `heard` how many digits were heard."""

    code: str | None
    heard: int


def is_greeting_or_wish_to_apply(text: str) -> bool:
    """"你好", "您好，我想申请补贴", "我要申请": nothing that answers who applies or for what."""
    clauses = [c for c in (compact(part) for part in _CLAUSE_END.split(fold_width(text))) if c]
    return bool(clauses) and all(_greeting_or_wish(clause) for clause in clauses)


# Words around a greeting or a wish that change nothing ("我想申请一下吧").
_WISH_LEADING = ("我想", "我要", "想", "要", "我", "请问", "请", "帮我", "给我", "嗯", "那个")
_WISH_TRAILING = ("啊", "呀", "吧", "啦", "哦", "呢", "一下", "的")


def _greeting_or_wish(clause: str) -> bool:
    return any(candidate in _GREETINGS or candidate in _WISHES
               for candidate in trimmed_variants(clause, _WISH_LEADING, _WISH_TRAILING))


def asks_for_status(text: str) -> bool:
    """"查进度", "我的申请到哪一步了", "审核到哪了？", "申请怎么样了"."""
    whole = compact(text)
    if not whole:
        return False
    subjects = _LEADING + _SUBJECTS
    return any(candidate in _STATUS for candidate in trimmed_variants(whole, subjects, _TRAILING))


def link_code(text: str) -> LinkCode | None:
    """The link command, typed or recognised from speech: "绑定 123456", "绑定：１２３４５６", "绑定6 6 7 1 4 7。",
    "绑定六六七一四七", "绑定码幺二三四五六". None when the message is not one."""
    match = _LINK.fullmatch(compact(text))
    if match is None:
        return None
    digits = digits_read_out(match.group(1))
    if digits is None:
        return None if match.group(1) else LinkCode(None, 0)
    return LinkCode(digits if len(digits) == LINK_CODE_LENGTH else None, len(digits))
