"""Subscribe messages through wechatpy: sent only with the user's consent, with WeChat's value rules."""

import pytest
import requests
from wechatpy.exceptions import WeChatClientException

from fake_wechat import FakeWeChat, Template, running_fake_wechat
from tests.fake_wechat.pointed_client import PointedWeChatClient

STATUS_TEMPLATE = "tmplStatus0000000000000000000000000000000000"
STATUS_DATA = {"thing1": {"value": "生活补贴申请"}, "phrase2": {"value": "审核中"},
               "time3": {"value": "2026年3月5日 14:30"}}


@pytest.fixture
def applicant(fake: FakeWeChat) -> str:
    """A mini program user who logged in and allowed the status template once."""
    openid = "oApplicant000000000000000001"
    fake.login(openid)
    fake.add_template(STATUS_TEMPLATE, ["thing1", "phrase2", "time3"])
    fake.accept_subscription(openid, STATUS_TEMPLATE)
    return openid


def test_a_consented_message_is_sent_and_recorded(fake, miniprogram, applicant):
    answer = miniprogram.wxa.send_subscribe_message(applicant, STATUS_TEMPLATE, STATUS_DATA,
                                                    page="pages/status/index?id=7")

    assert answer["errcode"] == 0 and answer["errmsg"] == "ok"
    assert 0 < answer["msgid"] < 2**63  # fits the BIGINT a product would store it in
    [sent] = fake.subscribe_messages
    assert (sent.msgid, sent.touser, sent.template_id) == (answer["msgid"], applicant, STATUS_TEMPLATE)
    assert sent.data == STATUS_DATA
    assert sent.page == "pages/status/index?id=7"


def test_miniprogram_state_and_lang_are_recorded(fake, miniprogram, applicant):
    # wechatpy 1.8.18's send_subscribe_message has no parameters for these; the product posts them itself.
    miniprogram.post("message/subscribe/send", data={
        "touser": applicant, "template_id": STATUS_TEMPLATE, "data": STATUS_DATA,
        "miniprogram_state": "trial", "lang": "zh_CN"})

    [sent] = fake.subscribe_messages
    assert (sent.miniprogram_state, sent.lang) == ("trial", "zh_CN")


def test_a_one_time_consent_allows_one_message(fake, miniprogram, applicant):
    miniprogram.wxa.send_subscribe_message(applicant, STATUS_TEMPLATE, STATUS_DATA)

    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.send_subscribe_message(applicant, STATUS_TEMPLATE, STATUS_DATA)

    assert refused.value.errcode == 43101
    assert len(fake.subscribe_messages) == 1


def test_each_acceptance_allows_one_more_message(fake, miniprogram, applicant):
    fake.accept_subscription(applicant, STATUS_TEMPLATE, times=2)

    for _ in range(3):
        miniprogram.wxa.send_subscribe_message(applicant, STATUS_TEMPLATE, STATUS_DATA)

    assert len(fake.subscribe_messages) == 3


def test_a_long_term_template_allows_any_number_of_messages(fake, miniprogram, applicant):
    fake.add_template("tmplLongTerm", ["thing1"], long_term=True)
    fake.accept_subscription(applicant, "tmplLongTerm")

    for _ in range(3):
        miniprogram.wxa.send_subscribe_message(applicant, "tmplLongTerm", {"thing1": {"value": "补正材料"}})

    assert len(fake.subscribe_messages) == 3


def test_a_user_who_rejected_the_template_gets_nothing(fake, miniprogram, applicant):
    fake.reject_subscription(applicant, STATUS_TEMPLATE)

    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.send_subscribe_message(applicant, STATUS_TEMPLATE, STATUS_DATA)

    assert refused.value.errcode == 43101
    assert refused.value.errmsg.startswith("user refuse to accept the msg rid: ")


def test_a_user_who_never_consented_gets_nothing(fake, miniprogram):
    fake.login("oNeverAsked00000000000000001")
    fake.add_template("tmplOther")

    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.send_subscribe_message("oNeverAsked00000000000000001", "tmplOther", STATUS_DATA)

    assert refused.value.errcode == 43101


def test_an_unknown_template_is_refused(fake, miniprogram, applicant):
    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.send_subscribe_message(applicant, "tmplNoSuchTemplate", STATUS_DATA)

    assert refused.value.errcode == 40037


@pytest.mark.parametrize("touser", [None, "oNobodyLoggedInAsThis0000001"])
def test_a_missing_or_unknown_recipient_is_refused(fake, miniprogram, applicant, touser):
    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.send_subscribe_message(touser, STATUS_TEMPLATE, STATUS_DATA)

    assert refused.value.errcode == 40003


@pytest.mark.parametrize(("data", "bad_field"), [
    ({**STATUS_DATA, "thing1": {"value": "两项补贴申请已经受理请耐心等待审核结果通知"}}, "thing1"),
    ({**STATUS_DATA, "phrase2": {"value": "in review"}}, "phrase2"),
    ({**STATUS_DATA, "time3": {"value": "下周"}}, "time3"),
    ({"thing1": STATUS_DATA["thing1"], "phrase2": STATUS_DATA["phrase2"]}, "time3"),
])
def test_values_that_break_wechats_rules_are_refused_naming_the_field(fake, miniprogram, applicant, data, bad_field):
    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.send_subscribe_message(applicant, STATUS_TEMPLATE, data)

    assert refused.value.errcode == 47003
    assert refused.value.errmsg.startswith(f"argument invalid! data.{bad_field}.value invalid rid: ")
    assert fake.subscribe_messages == []


def test_a_refused_message_does_not_use_up_the_consent(fake, miniprogram, applicant):
    with pytest.raises(WeChatClientException):
        miniprogram.wxa.send_subscribe_message(applicant, STATUS_TEMPLATE, {"thing1": {"value": ""}})

    miniprogram.wxa.send_subscribe_message(applicant, STATUS_TEMPLATE, STATUS_DATA)

    assert len(fake.subscribe_messages) == 1


@pytest.mark.parametrize(("field", "value"), [("miniprogram_state", "production"), ("lang", "zh-CN")])
def test_unknown_miniprogram_state_or_lang_is_refused(fake, miniprogram, applicant, field, value):
    with pytest.raises(WeChatClientException) as refused:
        miniprogram.post("message/subscribe/send", data={
            "touser": applicant, "template_id": STATUS_TEMPLATE, "data": STATUS_DATA, field: value})

    assert refused.value.errcode == 47003


def test_the_official_accounts_token_cannot_send_subscribe_messages(fake, official_account, applicant):
    with pytest.raises(WeChatClientException) as refused:
        official_account.post("message/subscribe/send", data={
            "touser": applicant, "template_id": STATUS_TEMPLATE, "data": STATUS_DATA})

    assert refused.value.errcode == 48001


def test_subscribe_send_must_be_a_post(fake, miniprogram, applicant):
    with pytest.raises(WeChatClientException) as refused:
        miniprogram.get("message/subscribe/send")

    assert refused.value.errcode == 43002


def test_with_known_pages_a_message_to_another_page_is_refused():
    with running_fake_wechat(pages=frozenset({"pages/status/index"}),
                             templates=(Template("tmplA", ("thing1",)),)) as fake:
        client = PointedWeChatClient(fake.base_url, fake.config.app_id, fake.config.app_secret, timeout=5)
        openid = "oPagesUser000000000000000001"
        fake.login(openid)
        fake.accept_subscription(openid, "tmplA", times=2)
        data = {"thing1": {"value": "审核通过"}}

        client.wxa.send_subscribe_message(openid, "tmplA", data, page="pages/status/index?id=1")
        with pytest.raises(WeChatClientException) as refused:
            client.wxa.send_subscribe_message(openid, "tmplA", data, page="pages/stauts/index")

    assert refused.value.errcode == 41030


def test_assume_consent_lets_the_demo_send_without_a_consent_step():
    with running_fake_wechat(assume_consent=True, templates=(Template("tmplDemo"),)) as fake:
        client = PointedWeChatClient(fake.base_url, fake.config.app_id, fake.config.app_secret, timeout=5)
        fake.login("oDemoUser0000000000000000001")

        client.wxa.send_subscribe_message("oDemoUser0000000000000000001", "tmplDemo", STATUS_DATA)
        client.wxa.send_subscribe_message("oDemoUser0000000000000000001", "tmplDemo", STATUS_DATA)

        assert len(fake.subscribe_messages) == 2


def test_a_body_that_is_not_json_is_a_data_format_error(fake, miniprogram, applicant):
    token = miniprogram.access_token
    answer = requests.post(f"{fake.base_url}/cgi-bin/message/subscribe/send", params={"access_token": token},
                           data=b"{touser:", timeout=5).json()

    assert answer["errcode"] == 47001
