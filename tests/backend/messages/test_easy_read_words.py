"""The easy-read form is for a person who reads little (an applicant with an intellectual disability): the
office's words for paperwork and review are not theirs. An easy-read reader walking a whole application met
"申请已经送去审核了。", "要补材料" and "先公示。" with no plain word for them."""

from __future__ import annotations

# The words such a reader does not know, each said plainly now: 材料 -> 照片 or "改一下", 审核 -> 工作人员看,
# 核定 -> 定, 户籍 -> 户口, 核实 -> 问清楚, 补正 -> 改.
OFFICE_WORDS = ("材料", "审核", "核定", "户籍", "核实", "补正")


def test_no_easy_read_sentence_uses_the_offices_words_for_paperwork_and_review(messages):
    using = {key: message.easy_read for key, message in messages.items()
             if any(word in message.easy_read for word in OFFICE_WORDS)}
    assert using == {}


def test_public_notice_is_said_as_what_happens_not_as_the_offices_word(messages):
    # Seed 001 and 004: approved recipients are listed publicly (公示) before payment starts.
    for key in ("next.approved", "next.public_notice", "stage.public_notice", "notification.public_notice"):
        assert "公示" not in messages[key].easy_read and "名单" in messages[key].easy_read, key
