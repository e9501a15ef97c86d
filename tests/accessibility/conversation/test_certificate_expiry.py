"""A certificate whose validity has already run out: the date is saved as said (it is what the
certificate shows), and the person is told kindly that it has expired and what to do: renew it at the
disabled persons' federation; with a new certificate the subsidy counts from the month it is issued
(seed 001, item 13)."""

from __future__ import annotations

from tests.accessibility.conversation.chat import chat_at
from tests.accessibility.conversation.test_answer_forms import saved
from tests.support.factories import person


def test_an_expired_certificate_is_saved_and_the_person_is_told_to_renew_it(applicant):
    chat = chat_at(applicant, "certificate.valid_until", person(), **{"certificate.issue_date": "2009年6月10日"})
    chat.say("2019年6月10日")
    assert chat.correction is None
    assert saved(applicant, chat, "certificate.valid_until") == "2019-06-10"
    assert chat.step != "certificate.valid_until"
    assert "2019年6月10日已经到期了" in chat.said and "残联换领新证" in chat.said
    assert "新证发证的那个月" in chat.said
    assert "过期" in chat.view["said"]["easy_read"] and "残联" in chat.view["said"]["easy_read"]


def test_a_certificate_still_valid_gets_no_remark(applicant):
    chat = chat_at(applicant, "certificate.valid_until", person())
    chat.say("2029年6月10日")
    assert "到期" not in chat.said and "过期" not in chat.view["said"]["easy_read"]


def test_a_valid_until_date_before_the_issue_date_is_corrected_and_never_told_as_expired(applicant):
    chat = chat_at(applicant, "certificate.valid_until", person())  # issued 2019年6月10日
    chat.say("2018年1月1日")
    assert chat.step == "certificate.valid_until"
    assert chat.correction is not None and "有效期应当晚于发证日期" in chat.correction["text"]
    assert "到期" not in chat.said and "记下" not in chat.said and "换领" not in chat.said
    assert saved(applicant, chat, "certificate.valid_until") in (None, "")
    chat.say("2029年6月10日")
    assert chat.correction is None and chat.step != "certificate.valid_until"
