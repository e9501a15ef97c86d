"""Commands a person may say at any question instead of an answer: "不知道", "跳过", "上一步",
"再说一遍", "帮助", "人工", "改一下姓名".

The whole answer must be the command (give or take "我", "吧", "了" and punctuation), so a real answer
that merely contains one of the words is left to the field's parser: "不是" is a no, "听不见" names a
hearing disability, "我不知道他的身份证号" is still "don't know" but "知道" alone is nothing here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum

from accessibility.answers.text import compact, small_number, split_clauses, trimmed_variants


class CommandKind(StrEnum):
    DONT_KNOW = "dont_know"
    SKIP = "skip"
    BACK = "back"
    REPEAT = "repeat"
    HELP = "help"
    HUMAN = "human"
    CHANGE = "change"


@dataclass(frozen=True)
class Command:
    """A command; for `change`, `field` (a field path) or `item` (a 1-based position in the summary the
    person was read) says what to change when they said it; both None means "ask which one"."""

    kind: CommandKind
    field: str | None = None
    item: int | None = None
    # Also a real answer to some question ("听不清" names a hearing disability): the question's parser
    # may take it first.
    also_an_answer: bool = dataclass_field(default=False, compare=False)


# The same commands in English, as compact() leaves them (lower case, no spaces or apostrophes): for a person
# reading the prompts in English (a foreign-born spouse helping), who answers in the language they read.
_ENGLISH: dict[str, tuple[str, ...]] = {
    "dont_know": ("idontknow", "dontknow", "idonotknow", "notsure", "imnotsure", "noidea", "idontremember"),
    "skip": ("skip", "skipit", "skipthis", "next", "later", "notnow"),
    "back": ("back", "goback", "previous", "previousquestion", "undo"),
    "repeat": ("repeat", "again", "sayagain", "sayitagain", "pardon", "sorry", "what", "whatdidyousay", "comeagain"),
    "help": ("help", "helpme", "howdoianswer", "whatdoesthismean"),
    "human": ("human", "aperson", "talktoaperson", "staff", "operator", "callme", "realperson"),
}

_PHRASES: dict[CommandKind, tuple[str, ...]] = {
    CommandKind.DONT_KNOW: (
        "不知道", "不晓得", "晓不得", "不清楚", "搞不清", "搞不清楚", "弄不清楚", "不确定", "说不清", "说不清楚",
        "忘了", "忘记了", "忘记", "记不得", "记不清", "记不清楚", "记不住", "不记得", "想不起来", "记不起来",
        *_ENGLISH["dont_know"],
    ),
    CommandKind.SKIP: (
        "跳过", "先跳过", "跳过这个", "跳过这一项", "跳过这题", "下一个", "下一项", "下一题", "略过",
        "先不填", "不填", "暂时不填", "以后再填", "后面再填", "等会再填", "等一下再填", "回头再填",
        "以后再说", "后面再说", "等会再说", "先不说", *_ENGLISH["skip"],
    ),
    CommandKind.BACK: (
        *(f"{verb}{previous}" for verb in ("", "回到", "回", "返回", "退回", "退回到", "退到", "回退到", "倒回", "倒回到")
          for previous in ("上一步", "上一题", "上一个", "上一项", "上一条", "上个问题", "上一个问题", "上一道题",
                           "上一页", "前一个", "前一题", "前一步", "前面", "前面那个", "前面那题")),
        "返回", "回去", "退回", "退回去", "后退", "往回", "往回走", "退一步", "回到前面", "回前面", *_ENGLISH["back"],
    ),
    CommandKind.REPEAT: (
        *(f"{again}{verb}{times}" for again in ("再", "重新", "重", "再重新")
          for verb in ("说", "讲", "念", "读", "播", "放", "问", "来")
          for times in ("一遍", "一次", "一下", "")),
        "重复", "重复一遍", "重复一次", "重复一下",
        "没听清", "没听清楚", "没听见", "没听到", "没有听清", "没有听清楚", "没有听到", "没听明白", "没听懂",
        "听不清", "听不清楚", "听不太清", "听不太清楚", "刚才说什么", "刚才说啥", "说的什么", "说的啥",
        "什么", "啥", "啥子", "你说什么", "你说啥", "说什么", *_ENGLISH["repeat"],
    ),
    CommandKind.HELP: (
        "帮助", "帮帮我", "求助", "怎么填", "怎么写", "怎么说", "怎么办", "不会", "不会填", "不会写", "不懂",
        "看不懂", "听不懂", "什么意思", "啥意思", "这是什么意思", "教我", "说明", *_ENGLISH["help"],
    ),
    CommandKind.HUMAN: (
        *(f"{verb}{whom}" for verb in ("", "转", "找", "转到", "转接", "接", "联系", "要")
          for whom in ("人工", "人工服务", "人工客服", "客服", "真人", "工作人员")),
        "找人", "找个人", "找人帮忙", "要人帮忙", "打电话", "打电话给我", "给我打电话", "电话联系", "跟人说", "和人说", "跟真人说", "和真人说",
        *_ENGLISH["human"],
    ),
}
_COMMAND_OF_PHRASE = {phrase: kind for kind, phrases in _PHRASES.items() for phrase in phrases if phrase}
# Commands that are also real answers to some question: "听不清" asks to hear the question again, but
# names a hearing disability when the question is the disability category. The conversation lets the
# question's own parser have them first where it understands them.
_ALSO_ANSWERS = frozenset({"听不清", "听不清楚", "听不太清", "听不太清楚"})

# Words around a command that change nothing: "我也不知道啊", "那就跳过吧", "麻烦再说一遍".
_LEADING = ("我也", "我都", "我还是", "我要", "我想要", "我想", "我需要", "我", "要", "想", "需要", "那就", "那么",
            "那", "嗯", "呃", "额", "哎", "喂", "好的", "好", "请你", "请您", "请", "麻烦你", "麻烦您", "麻烦", "就", "还是",
            "帮我", "给我", "你", "您", "能不能", "能否", "可以", "可不可以", "先", "刚才", "对不起", "不好意思")
_TRAILING = ("吧", "啊", "呀", "了", "呢", "哦", "嘛", "啦", "哈", "一下", "下", "好吗", "行吗", "可以吗", "好不好",
             "行不行", "可不可以", "谢谢", "谢谢你", "谢谢您", "我听听", "给我听", "给我听听")

# Words for the fields a person may ask to change, longest first where one contains another. Field
# paths are the stable names of the application's groups (shared/DESIGN.md).
_FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("身份证号码", "applicant.id_number"), ("身份证号", "applicant.id_number"), ("身份证", "applicant.id_number"),
    ("残疾证号码", "certificate.number"), ("残疾证号", "certificate.number"), ("证号", "certificate.number"),
    ("手机号码", "applicant.phone"), ("电话号码", "applicant.phone"), ("联系电话", "applicant.phone"),
    ("手机号", "applicant.phone"), ("电话", "applicant.phone"), ("手机", "applicant.phone"),
    ("姓名", "applicant.name"), ("名字", "applicant.name"),
    ("家庭住址", "applicant.address"), ("住址", "applicant.address"), ("地址", "applicant.address"),
    ("提出申请的地区", "applied_from_region"), ("申请的地区", "applied_from_region"), ("申请所在区县", "applied_from_region"),
    ("申请所在地", "applied_from_region"), ("申请地区", "applied_from_region"), ("申请地", "applied_from_region"),
    ("户口所在地", "applicant.hukou_region"), ("户籍", "applicant.hukou_region"), ("户口", "applicant.hukou_region"),
    ("残疾类别", "certificate.category"), ("残疾类型", "certificate.category"), ("类别", "certificate.category"),
    ("残疾等级", "certificate.grade"), ("等级", "certificate.grade"), ("级别", "certificate.grade"),
    ("发证日期", "certificate.issue_date"), ("发证时间", "certificate.issue_date"),
    ("有效期限", "certificate.valid_until"), ("有效期", "certificate.valid_until"),
    ("到期时间", "certificate.valid_until"), ("到期日期", "certificate.valid_until"),
    ("低保", "household.status"), ("家庭情况", "household.status"),
    ("银行卡号", "payment_account"), ("银行卡", "payment_account"), ("银行账号", "payment_account"),
    ("账号", "payment_account"), ("卡号", "payment_account"),
    ("其他补贴", "other_benefits"), ("别的补贴", "other_benefits"), ("其他待遇", "other_benefits"),
    # The only amount a person says is what another benefit pays (the subsidies' own come from the policy).
    ("其他补贴的金额", "other_benefit_amounts"), ("每月金额", "other_benefit_amounts"), ("金额", "other_benefit_amounts"),
    ("钱数", "other_benefit_amounts"), ("领多少钱", "other_benefit_amounts"),
    ("事实无人抚养儿童", "de_facto_unsupported_child"), ("事实无人抚养", "de_facto_unsupported_child"),
    ("无人抚养", "de_facto_unsupported_child"),
)

_CHANGE_VERB = r"(?:我)?(?:要|想|需要)?(?:修改|更改|更正|改正|改|重新填|重填|换)(?:一下|下)?"
# In English, as compact() leaves it: "change item 3", "change 3", "I want to change the phone number".
_ENGLISH_CHANGE_VERB = r"(?:i|id|iwould|please)?(?:want|wanna|like|need|would like)?(?:to)?(?:change|edit|correct|fix|update)"
_ENGLISH_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
_ENGLISH_CHANGE_ITEM = re.compile(rf"{_ENGLISH_CHANGE_VERB}(?:item|number|no|line)?(\d{{1,2}}|"
                                  + "|".join(sorted(_ENGLISH_NUMBERS, key=len, reverse=True)) + ")")
_ENGLISH_CHANGE_FIELD = re.compile(rf"{_ENGLISH_CHANGE_VERB}(?:my|his|her|their|the)?(.*)")
_ENGLISH_FIELD_WORDS: dict[str, str] = {
    **dict.fromkeys(("phone", "phonenumber", "mobile", "mobilenumber", "telephone", "telephonenumber"),
                    "applicant.phone"),
    **dict.fromkeys(("name", "applicantsname"), "applicant.name"),
    **dict.fromkeys(("id", "idnumber", "idcard", "idcardnumber"), "applicant.id_number"),
    **dict.fromkeys(("address", "homeaddress"), "applicant.address"),
    **dict.fromkeys(("hukou", "countyofhukou", "hukoucounty", "householdregistration"), "applicant.hukou_region"),
    **dict.fromkeys(("regionappliedfrom", "countyappliedfrom", "whereiapplyfrom"), "applied_from_region"),
    **dict.fromkeys(("category", "disabilitycategory"), "certificate.category"),
    **dict.fromkeys(("grade", "disabilitygrade"), "certificate.grade"),
    **dict.fromkeys(("certificatenumber", "disabilitycertificatenumber"), "certificate.number"),
    **dict.fromkeys(("issuedate", "dateofissue"), "certificate.issue_date"),
    **dict.fromkeys(("validitydate", "expirydate", "expiry", "validity", "validuntil"), "certificate.valid_until"),
    **dict.fromkeys(("dibao", "dibaostatus", "householdstatus"), "household.status"),
    **dict.fromkeys(("otherbenefits", "othersubsidies", "benefits"), "other_benefits"),
    **dict.fromkeys(("amount", "monthlyamount"), "other_benefit_amounts"),
}
_CHANGE_ITEM = re.compile(rf"{_CHANGE_VERB}第?([0-9一二两三四五六七八九十]+)(?:项|个|步|题|条|行)?")
_CHANGE_FIELD = re.compile(rf"{_CHANGE_VERB}(?:我的|他的|她的|那个)?(.*)")
_WRONG_FIELD = re.compile(r"(?:我的|他的|她的|那个)?(.*?)(?:填|写|说|输|打)?错了")


def recognise_command(text: str) -> Command | None:
    """The command the whole answer is, or None when it is (or may be) an answer to the question."""
    base = compact(text)
    if not base:
        return None
    whole = _command_of(base)
    if whole is not None:
        return whole
    # Short sentences of clauses that are all commands ("我没听清，再说一遍", "不知道，跳过吧"): the last one
    # says what to do.
    clauses = [compact(clause) for clause in split_clauses(text)]
    clauses = [clause for clause in clauses if clause]
    if len(clauses) > 1:
        commands = [_command_of(clause) for clause in clauses]
        if all(command is not None for command in commands):
            return commands[-1]
    return None


def _command_of(base: str) -> Command | None:
    for candidate in _variants(base):
        kind = _COMMAND_OF_PHRASE.get(candidate)
        if kind is not None:
            return Command(kind, also_an_answer=candidate in _ALSO_ANSWERS)
    for candidate in _variants(base):
        change = _change_request(candidate)
        if change is not None:
            return change
    return None


def _variants(text: str) -> list[str]:
    """The answer with leading and trailing filler words taken off in every order, longest first."""
    return sorted(trimmed_variants(text, _LEADING, _TRAILING), key=len, reverse=True)


def _change_request(text: str) -> Command | None:
    english = _english_change_request(text) if re.search(r"[a-z]", text) else None
    if english is not None:
        return english
    item = _CHANGE_ITEM.fullmatch(text)
    if item:
        number = small_number(item.group(1))
        if number:
            return Command(CommandKind.CHANGE, item=number)
    named = _CHANGE_FIELD.fullmatch(text)
    if named:
        words = named.group(1)
        if not words or words in ("一下", "下", "个", "东西", "信息", "资料"):
            return Command(CommandKind.CHANGE)
        field = _field_named(words)
        # "改一下" followed by words that name no field could be an answer ("换了一个地方住"): leave it.
        return Command(CommandKind.CHANGE, field=field) if field else None
    wrong = _WRONG_FIELD.fullmatch(text)
    if wrong:
        words = wrong.group(1)
        if words in ("", "我", "刚才", "我刚才", "前面", "上面"):
            # "我填错了" asks to change; a bare "错了" stays an answer (a no to "对吗？").
            return Command(CommandKind.CHANGE) if text != "错了" else None
        field = _field_named(words)
        return Command(CommandKind.CHANGE, field=field) if field else None
    return None


def _english_change_request(text: str) -> Command | None:
    item = _ENGLISH_CHANGE_ITEM.fullmatch(text)
    if item:
        said = item.group(1)
        number = int(said) if said.isdigit() else _ENGLISH_NUMBERS[said]
        return Command(CommandKind.CHANGE, item=number) if number else None
    named = _ENGLISH_CHANGE_FIELD.fullmatch(text)
    if named:
        words = named.group(1)
        if words in ("", "it", "something", "that", "anitem", "item", "details"):
            return Command(CommandKind.CHANGE)
        field = _ENGLISH_FIELD_WORDS.get(words)
        return Command(CommandKind.CHANGE, field=field) if field else None
    return None


def _field_named(words: str) -> str | None:
    for word, field in _FIELD_WORDS:
        if words == word or words in (word + "号码", word + "号", word + "那一项", word + "那项", word + "那里"):
            return field
    return None
