"""Each status change reaches the applicant and those acting for them: in the app, and as a WeChat
subscribe message where they subscribed (recorded by the local fake of WeChat's API)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backend.messages.catalog import registry, say
from backend.messages.locales import SUPPORTED_LOCALES
from backend.jobs.tasks import PERIODIC
from backend.notifications.wechat import RETRY_AFTER_SECONDS, THING_LIMIT
from tests.support import flows
from tests.support.api import ApiClient

TEMPLATE = "tmpl-status-update"


@pytest.fixture
def subscribed(client, fake_wechat, settings):
    """A person who logged in through WeChat and allowed status messages."""
    settings.wechat_subscribe_templates = {"status_update": TEMPLATE}
    fake_wechat.add_template(TEMPLATE, ["character_string1", "thing2", "thing3", "time4"])
    fake_wechat.accept_subscription("openid-subscriber", TEMPLATE, times=10)
    answer = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-subscriber")}).get_json()
    person = ApiClient(client.client, answer["access_token"])
    assert person.post("/me/subscriptions", json={"accepted": [TEMPLATE] * 3}).status_code == 200
    return person


def test_each_decision_sends_a_wechat_message_the_fake_records(subscribed, as_reviewer, fake_wechat):
    application = flows.submitted(subscribed)
    for decision in ({"type": "accepted"}, {"type": "rejected", "reason": "未纳入低保"}):
        as_reviewer.post(f"/review/applications/{application['id']}/decisions", json=decision)
    sent = fake_wechat.subscribe_messages
    assert [message.data["thing2"]["value"] for message in sent] == ["已送达审核", "已受理", "未通过"]
    assert all(message.touser == "openid-subscriber" and message.template_id == TEMPLATE for message in sent)
    assert sent[0].data["character_string1"]["value"] == application["reference"]


def test_a_withdrawal_sends_a_wechat_message_too(subscribed, fake_wechat):
    application = flows.submitted(subscribed)

    assert subscribed.post(f"/applications/{application['id']}/withdraw").status_code == 200

    last = fake_wechat.subscribe_messages[-1]
    assert (last.data["thing2"]["value"], last.data["thing3"]["value"]) == ("已撤回", "再申请请新建一份申请")
    assert last.data["character_string1"]["value"] == application["reference"]


def test_a_one_time_subscription_is_used_up(client, fake_wechat, settings, as_reviewer):
    settings.wechat_subscribe_templates = {"status_update": TEMPLATE}
    fake_wechat.add_template(TEMPLATE, ["character_string1", "thing2", "thing3", "time4"])
    fake_wechat.accept_subscription("openid-once", TEMPLATE, times=10)
    answer = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-once")}).get_json()
    person = ApiClient(client.client, answer["access_token"])
    person.post("/me/subscriptions", json={"accepted": [TEMPLATE]})
    application = flows.submitted(person)
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    assert len(fake_wechat.subscribe_messages) == 1  # one "allow", one message; the in-app ones go on
    assert len(person.get("/notifications").get_json()["notifications"]) == 2


def test_a_failed_send_is_retried_and_never_blocks_the_status_change(subscribed, as_reviewer, fake_wechat, runtime,
                                                                     clock):
    from backend.notifications.models import Notification
    from backend.notifications.wechat import send_wechat_notification

    application = flows.submitted(subscribed)
    fake_wechat.fail_next(1, mode="system_busy", path="/cgi-bin/message/subscribe/send")
    response = as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    assert response.status_code == 200
    assert subscribed.get(f"/applications/{application['id']}/status").get_json()["stage"] == "accepted"
    from backend.notifications.models import NotificationDelivery
    with runtime.database.sessions() as session:
        latest = session.query(Notification).order_by(Notification.created_at.desc()).first().id
        delivery = session.query(NotificationDelivery).filter_by(notification_id=latest).one()
        assert (delivery.status, delivery.attempts) == ("pending", 1) and "system" not in (delivery.last_error or "x")
    assert send_wechat_notification(latest) == "being sent"  # not at once: the retry waits a minute ...
    clock.current += timedelta(seconds=RETRY_AFTER_SECONDS + 1)
    function, _ = PERIODIC["sweep_wechat_deliveries"]
    assert function() == 1  # ... and is the sweep's, once WeChat answers again
    assert [m.data["thing2"]["value"] for m in fake_wechat.subscribe_messages][-1] == "已受理"


def test_the_access_token_is_fetched_once_for_all_sends(subscribed, as_reviewer, fake_wechat):
    application = flows.submitted(subscribed)
    for decision in ({"type": "accepted"}, {"type": "township_review_passed"}):
        as_reviewer.post(f"/review/applications/{application['id']}/decisions", json=decision)
    assert fake_wechat.tokens_issued() == 1


def test_guardians_and_family_are_told_too(subscribed, as_reviewer, app):
    import io

    from tests.support.accounts import logged_in
    from tests.support.factories import complete_fields, person

    who = person()
    application = flows.submitted(subscribed, fields=complete_fields(who))
    son = logged_in(app, "son")
    link = son.post("/links", json={"application_reference": application["reference"],
                                    "applicant_id_number": who.id_number, "kind": "family",
                                    "relation": "child", "requester_name": "李明"}).get_json()
    son.client.post(f"/api/v1/links/{link['id']}/proof", data={"file": (io.BytesIO(flows.photo_bytes()), "p.jpg")},
                    content_type="multipart/form-data", headers=son._headers(None))
    assert subscribed.post(f"/links/{link['id']}/confirm").status_code == 200
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    assert [note["event"] for note in son.get("/notifications").get_json()["notifications"]] == ["accepted"]


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_wechat_texts_fit_the_template_limits_in_every_language(locale):
    for key in registry():
        if key.startswith("wechat."):
            words = say(key, locale)
            assert len(words.text) <= THING_LIMIT, (key, locale, words.text)


def test_a_wechat_message_opens_the_status_of_the_application_it_is_about(subscribed, as_reviewer, fake_wechat):
    first, second = flows.submitted(subscribed), flows.submitted(subscribed)
    as_reviewer.post(f"/review/applications/{second['id']}/decisions", json={"type": "accepted"})
    sent = fake_wechat.subscribe_messages
    assert sent[-1].page == f"pages/status/index?id={second['id']}"
    assert sent[0].page == f"pages/status/index?id={first['id']}"


def test_a_person_who_asked_for_easy_read_text_gets_the_wechat_message_in_easy_read_words(
        subscribed, as_reviewer, fake_wechat):
    assert subscribed.put("/me/preferences", json={"easy_read": True}).status_code == 200
    application = flows.submitted(subscribed)
    as_reviewer.post(f"/review/applications/{application['id']}/decisions",
                     json={"type": "correction_requested", "reason": "照片看不清", "items": ["disability_certificate"]})
    latest = fake_wechat.subscribe_messages[-1].data
    assert (latest["thing2"]["value"], latest["thing3"]["value"]) == ("要您改一下", "请打开小程序改一下")
