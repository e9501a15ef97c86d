"""The table of answer forms of issue 6, end to end through the conversation: each form is said to the
question it answers, and the application shows what was understood (or the person gets a specific
correction)."""

from __future__ import annotations

from tests.accessibility.conversation.chat import chat_at
from tests.support.factories import person

YES = ("是", "对", "嗯", "有", "是的", "对的", "好的", "没错", "嗯嗯", "对对对")
NO = ("不是", "没有", "不对", "不", "没有啊", "错了")


def saved(client, chat, path: str):
    document = client.get(f"/applications/{chat.application_id}?reveal=true").get_json()
    node = document
    for part in path.split("."):
        node = node[part]
    return node


def test_yes_in_its_many_forms_confirms_what_is_known(applicant):
    chat = chat_at(applicant, "applicant.hukou_region", person(born="1961-07-02"))
    assert chat.mode == "confirm"  # suggested from the ID number's region
    for form in YES:
        chat.say(form)
        assert chat.step == "applicant.address", form
        chat.say("上一步")
        assert (chat.step, chat.mode) == ("applicant.hukou_region", "confirm"), form
    assert saved(applicant, chat, "applicant.hukou_region") == "500156"


def test_no_in_its_many_forms_asks_for_the_right_value(applicant):
    chat = chat_at(applicant, "applicant.hukou_region", person(born="1961-07-02"))
    for form in NO:
        chat.say(form)
        assert (chat.step, chat.mode) == ("applicant.hukou_region", "ask"), form
        assert "正确的" in chat.said
        chat.say("山西省长治市潞州区")
        assert chat.step == "applicant.address"
        assert saved(applicant, chat, "applicant.hukou_region") == "140403"
        chat.say("上一步")
        assert chat.mode == "confirm"


def test_grades_in_their_many_forms(applicant):
    chat = chat_at(applicant, "certificate.grade", person())
    for form in ("一级", "壹级", "1级", "一", "１级", "Ⅰ级", "第一级", "一级残疾", "极重度"):
        chat.say(form)
        assert chat.step != "certificate.grade", form
        assert saved(applicant, chat, "certificate.grade") == 1, form
        chat.say("改等级")
        assert (chat.step, chat.mode) == ("certificate.grade", "ask"), form


def test_a_severity_word_that_fits_two_grades_gets_a_follow_up(applicant):
    who = person()
    chat = chat_at(applicant, "certificate.grade", who)
    chat.say("重度")
    assert (chat.step, chat.mode) == ("certificate.grade", "choose")
    assert "一级" in chat.prompt["text"] and "二级" in chat.prompt["text"]
    assert [c["text"] for c in chat.prompt["input"]["choices"]] == ["一级", "二级"]
    chat.say("二级")
    assert saved(applicant, chat, "certificate.grade") == 2
    assert saved(applicant, chat, "certificate.number") == who.id_number + "42"  # composed: category 4, grade 2


def test_a_follow_up_is_answered_by_the_number_of_the_choice_too(applicant):
    chat = chat_at(applicant, "certificate.grade", person())
    chat.say("重度")
    chat.say("第一个")
    assert saved(applicant, chat, "certificate.grade") == 1


def test_categories_in_their_many_forms(applicant):
    chat = chat_at(applicant, "certificate.category", person())
    for form, category in (("视力", 1), ("看不见", 1), ("耳朵听不见", 2), ("肢体残疾", 4), ("腿脚不好", 4), ("四类", 4),
                           ("4", 4), ("智力", 5), ("精神", 6), ("多重残疾", 7)):
        chat.say(form)
        assert chat.step == "certificate.grade", form
        assert saved(applicant, chat, "certificate.category") == category, form
        chat.say("上一步")
        assert chat.step == "certificate.category", form
        chat.say("不对")  # the confirmation of what was said: ask again


def test_a_grade_given_for_the_category_gets_a_specific_correction(applicant):
    chat = chat_at(applicant, "certificate.category", person())
    chat.say("二级")
    assert chat.correction["code"] == "looks_like_grade"
    assert "这里问的是残疾类别" in chat.correction["text"]
    chat.say("眼睛和耳朵")
    assert chat.mode == "choose"
    chat.say("多重")
    assert saved(applicant, chat, "certificate.category") == 7


def test_dates_in_their_many_forms(applicant):
    chat = chat_at(applicant, "certificate.issue_date", person(born="1950-02-11"))
    for form in ("1980年5月3日", "80年5月3号", "1980.5.3", "19800503", "１９８０年５月３日", "一九八零年五月三日",
                 "1980-05-03", "1980/5/3"):
        chat.say(form)
        assert chat.step == "certificate.valid_until", form
        assert saved(applicant, chat, "certificate.issue_date") == "1980-05-03", form
        chat.say("上一步")
        chat.say("不对")


def test_dates_that_cannot_be_right_get_specific_corrections(applicant):
    chat = chat_at(applicant, "certificate.issue_date", person())
    for form, code, words in (("2019年2月30日", "no_such_date", "2019年2月没有30日"),
                              ("农历五月初三", "lunar_date_given", "农历"),
                              ("2019年6月", "day_missing", "还差哪一天"),
                              ("6月10日", "year_missing", "还差哪一年"),
                              ("2099年1月1日", "date_too_late", "还没有到")):
        chat.say(form)
        assert chat.correction["code"] == code, form
        assert words in chat.correction["text"], chat.correction["text"]
        assert chat.step == "certificate.issue_date"


def test_id_numbers_typed_with_spaces_full_width_or_read_out_in_chinese_digits(applicant):
    who = person()
    digits = who.id_number
    chinese = "".join("零幺二三四五六七八九"[int(c)] if c.isdigit() else "叉" for c in digits)
    full_width = digits.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    chat = chat_at(applicant, "applicant.id_number", who)
    for form in (f"{digits[:6]} {digits[6:14]} {digits[14:]}", chinese, full_width, f"我的身份证号是{digits}"):
        chat.say(form)
        assert chat.step == "applicant.hukou_region", form
        assert saved(applicant, chat, "applicant.id_number") == digits, form
        chat.say("改身份证号")
        assert chat.step == "applicant.id_number"


def test_a_wrong_id_number_gets_a_specific_kind_correction(applicant):
    who = person()
    chat = chat_at(applicant, "applicant.id_number", who)
    chat.say(who.id_number[:17])
    assert chat.correction["code"] == "id_wrong_length"
    assert chat.correction["text"].startswith("您输入了17位数字，身份证号码是18位")
    wrong_check = who.id_number[:17] + ("0" if who.id_number[17] != "0" else "1")
    chat.say(wrong_check)
    assert chat.correction["code"] == "id_number_bad_check_character"  # the backend's own check, its own words
    assert "有一位输错了" in chat.correction["text"]
    assert chat.step == "applicant.id_number"


def test_a_certificate_number_read_out_in_chinese_digits(applicant):
    who = person()
    number = who.id_number + "41"
    chat = chat_at(applicant, "certificate.category", who)
    chat.say("跳过")
    chat.say("跳过")
    assert chat.step == "certificate.number" and chat.mode == "ask"
    chat.say(" ".join("零一二三四五六七八九"[int(c)] if c.isdigit() else "X" for c in number))
    assert saved(applicant, chat, "certificate.number") == number
    assert (saved(applicant, chat, "certificate.category"), saved(applicant, chat, "certificate.grade")) == (4, 1)


def test_an_id_number_heard_with_a_homophone_is_read_back_before_it_is_saved(applicant):
    who = person()
    chat = chat_at(applicant, "applicant.id_number", who)
    heard = who.id_number.replace("9", "酒")
    if heard == who.id_number:
        heard = who.id_number.replace("1", "医")
    chat.say(heard)
    assert chat.mode == "read_back" and chat.step == "applicant.id_number"
    assert who.id_number[:4] in chat.prompt["text"]
    assert saved(applicant, chat, "applicant.id_number") is None
    chat.say("对")
    assert saved(applicant, chat, "applicant.id_number") == who.id_number


def test_household_status_phone_and_benefits_in_words(applicant):
    who = person()
    chat = chat_at(applicant, "household.status", who)
    chat.say("我们家是低保边缘户")
    assert saved(applicant, chat, "household.status") == "dibao_marginal"
    chat.until("other_benefits", {"material": ""})
    chat.say("高龄津贴和伤残抚恤金")
    assert saved(applicant, chat, "other_benefits") == ["disability_pension", "elderly_allowance"]
    chat.say("改电话")
    chat.say("幺三九 零零零零 一二三四")
    assert saved(applicant, chat, "applicant.phone") == "13900001234"


def test_dates_typed_with_spaces_are_saved_as_dates(applicant):
    chat = chat_at(applicant, "certificate.issue_date", person())
    chat.say("2019 6 10")
    assert chat.correction is None
    assert saved(applicant, chat, "certificate.issue_date") == "2019-06-10"
    chat.say("29 6 10")
    assert saved(applicant, chat, "certificate.valid_until") == "2029-06-10"
