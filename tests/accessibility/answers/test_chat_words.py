import pytest

from accessibility.answers.chat_words import LinkCode, asks_for_status, is_greeting_or_wish_to_apply, link_code


@pytest.mark.parametrize("said, code", [
    ("绑定 123456", "123456"),
    ("绑定：１２３４５６", "123456"),
    ("bind 123456", "123456"),
    ("绑定6 6 7 1 4 7。", "667147"),          # WeChat's recognition of the digits read out
    ("绑定六六七一四七。", "667147"),
    ("绑定六六七幺四七", "667147"),             # 幺 is how 1 is read out on the phone
    ("绑定码，两零洞拐勾三。", "200793"),
])
def test_the_link_code_is_understood_typed_or_recognised_from_speech(said, code):
    assert link_code(said) == LinkCode(code, 6)


def test_a_link_code_with_a_digit_too_few_is_still_the_link_command():
    assert link_code("绑定六六七一四") == LinkCode(None, 5)
    assert link_code("绑定") == LinkCode(None, 0)


@pytest.mark.parametrize("said", ["绑定一下", "绑定好了", "王芳", "123456", "我要绑定银行卡"])
def test_words_that_only_mention_binding_are_no_link_command(said):
    assert link_code(said) is None


@pytest.mark.parametrize("said", [
    "查进度", "进度", "查询", "到哪一步了", "审核到哪了？", "申请怎么样了", "我的申请到哪一步了",
    "我想查一下我的申请进度", "你好，我的申请怎么样了？", "审核结果出来了没有", "Status?", "Where is my application?",
])
def test_a_question_about_progress_is_recognised_in_its_common_forms(said):
    assert asks_for_status(said)


@pytest.mark.parametrize("said", ["自己", "不知道", "王芳", "重庆市武隆区", "两项都申请", "同意", "下一步"])
def test_answers_are_no_question_about_progress(said):
    assert not asks_for_status(said)


@pytest.mark.parametrize("said", ["你好", "您好！", "在吗？", "hello", "我想申请补贴", "您好，我想申请", "我要申请。",
                                  "我想办残疾人补贴", "Hi, I'd like to apply."])
def test_a_greeting_or_a_plain_wish_to_apply_is_recognised(said):
    assert is_greeting_or_wish_to_apply(said)


@pytest.mark.parametrize("said", ["自己", "替我妈妈申请", "给自己申请", "我是他女儿", "两项", "1"])
def test_an_answer_about_who_applies_is_no_greeting(said):
    assert not is_greeting_or_wish_to_apply(said)
