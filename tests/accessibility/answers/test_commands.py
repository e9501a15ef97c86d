import pytest

from accessibility.answers import Command, CommandKind, recognise_command


@pytest.mark.parametrize(
    "answer, kind",
    [
        ("不知道", CommandKind.DONT_KNOW),
        ("我也不知道啊。", CommandKind.DONT_KNOW),
        ("不清楚", CommandKind.DONT_KNOW),
        ("忘了", CommandKind.DONT_KNOW),
        ("记不清了", CommandKind.DONT_KNOW),
        ("晓不得", CommandKind.DONT_KNOW),
        ("跳过", CommandKind.SKIP),
        ("那就跳过吧", CommandKind.SKIP),
        ("下一个", CommandKind.SKIP),
        ("先不填", CommandKind.SKIP),
        ("以后再说", CommandKind.SKIP),
        ("上一步", CommandKind.BACK),
        ("返回", CommandKind.BACK),
        ("回去", CommandKind.BACK),
        ("再说一遍", CommandKind.REPEAT),
        ("麻烦再说一遍。", CommandKind.REPEAT),
        ("没听清", CommandKind.REPEAT),
        ("重复", CommandKind.REPEAT),
        ("啥子？", CommandKind.REPEAT),
        ("帮助", CommandKind.HELP),
        ("怎么填", CommandKind.HELP),
        ("不会", CommandKind.HELP),
        ("我不会填", CommandKind.HELP),
        ("人工", CommandKind.HUMAN),
        ("转人工", CommandKind.HUMAN),
        ("找人", CommandKind.HUMAN),
        ("客服", CommandKind.HUMAN),
        ("打电话", CommandKind.HUMAN),
        ("  人 工 ", CommandKind.HUMAN),
    ],
)
def test_each_command_is_recognised_in_its_common_forms(answer, kind):
    assert recognise_command(answer) == Command(kind)


@pytest.mark.parametrize(
    "answer, field",
    [
        ("改一下姓名", "applicant.name"),
        ("我要改一下电话号码", "applicant.phone"),
        ("修改身份证号", "applicant.id_number"),
        ("更正残疾等级", "certificate.grade"),
        ("姓名写错了", "applicant.name"),
        ("地址填错了", "applicant.address"),
        ("改一下有效期吧", "certificate.valid_until"),
        ("改提出申请的地区", "applied_from_region"),
        ("申请地填错了", "applied_from_region"),
        ("改金额", "other_benefit_amounts"),
        ("金额写错了", "other_benefit_amounts"),
        ("改一下其他补贴", "other_benefits"),
        ("改事实无人抚养", "de_facto_unsupported_child"),
    ],
)
def test_a_change_request_names_the_field_to_change(answer, field):
    assert recognise_command(answer) == Command(CommandKind.CHANGE, field=field)


@pytest.mark.parametrize("answer, item", [("修改第3项", 3), ("改第三项", 3), ("改一下第2个", 2), ("修改第十项", 10)])
def test_a_change_request_by_position_gives_the_item_number(answer, item):
    assert recognise_command(answer) == Command(CommandKind.CHANGE, item=item)


@pytest.mark.parametrize("answer", ["改一下", "我填错了", "我说错了", "修改"])
def test_a_change_request_without_a_target_asks_which_one(answer):
    assert recognise_command(answer) == Command(CommandKind.CHANGE)


@pytest.mark.parametrize(
    "answer",
    [
        "不是",  # a no, for the yes/no parser
        "没有",
        "是",
        "错了",  # a no to "对吗？"
        "听不见",  # the hearing category
        "看不见",
        "说话",
        "知道",
        "一级",
        "1980年5月3日",
        "500156198005031234",
        "低保",
        "换了地方住",  # says 换 but names no field
        "改革开放那年",
        "我叫王人工",
        "我要两项",
        "我要低保",
        "不是，我是他儿子",
        "跳过，低保",  # one clause is an answer
        "",
        "。",
    ],
)
def test_real_answers_are_not_swallowed_as_commands(answer):
    assert recognise_command(answer) is None


@pytest.mark.parametrize(
    "answer, kind",
    [
        ("我要人工", CommandKind.HUMAN),
        ("我想找人工", CommandKind.HUMAN),
        ("请帮我转人工服务", CommandKind.HUMAN),
        ("我要找工作人员", CommandKind.HUMAN),
        ("回到上一题", CommandKind.BACK),
        ("返回上一步", CommandKind.BACK),
        ("麻烦您回到上一题", CommandKind.BACK),
        ("退回上一个问题", CommandKind.BACK),
        ("重新说一遍", CommandKind.REPEAT),
        ("能不能再说一遍", CommandKind.REPEAT),
        ("你再讲一次吧，谢谢", CommandKind.REPEAT),
        ("听不清", CommandKind.REPEAT),
        ("我听不清楚", CommandKind.REPEAT),
        ("我没听清，再说一遍", CommandKind.REPEAT),
        ("不知道，跳过吧", CommandKind.SKIP),
    ],
)
def test_commands_are_recognised_inside_short_sentences(answer, kind):
    assert recognise_command(answer) == Command(kind)


def test_a_command_that_is_also_a_real_answer_says_so():
    assert recognise_command("听不清").also_an_answer
    assert not recognise_command("再说一遍").also_an_answer


@pytest.mark.parametrize("text, command", [
    ("change item 3", Command(CommandKind.CHANGE, item=3)), ("change 3", Command(CommandKind.CHANGE, item=3)),
    ("Change item twelve", Command(CommandKind.CHANGE, item=12)),
    ("change phone", Command(CommandKind.CHANGE, field="applicant.phone")),
    ("I want to change the address", Command(CommandKind.CHANGE, field="applicant.address")),
    ("change the validity date", Command(CommandKind.CHANGE, field="certificate.valid_until")),
    ("change", Command(CommandKind.CHANGE)),
])
def test_a_change_is_asked_for_in_english_as_the_english_sentences_say(text, command):
    assert recognise_command(text) == command


def test_english_words_after_change_that_name_no_field_are_an_answer():
    assert recognise_command("changed my mind") is None
    assert recognise_command("change of address soon") is None
