"""A WeChat subscribe message (a decision, a correction's deadline) reaches the person once, whatever happens to its
job: an enqueue lost at the status change (the queue down) is sent by the periodic sweep; a worker killed mid-send
leaves a lease that runs out, and the message is sent again; a duplicate job while another is sending sends nothing.
Before, a lost enqueue left the message pending, unsent, for ever: the status was only in the app."""

from __future__ import annotations

import types
from datetime import timedelta

import pytest

from backend.jobs.tasks import PERIODIC
from backend.notifications.models import Notification, NotificationDelivery
from backend.notifications.wechat import (SEND_LEASE_SECONDS, SEND_SWEEP_AFTER_SECONDS, SEND_TASK, SEND_WITHIN,
                                         send_wechat_notification)
from tests.miniprogram_api.test_notifications import subscribed  # noqa: F401  (the fixture)
from tests.support import flows


class WorkerKilled(BaseException):
    """kill -9 in the middle of a send: nothing after it runs."""


class Queue:
    """The job queue, held: a WeChat message waits until the test runs it as the worker would; `down` refuses every
    message as Redis down does."""

    def __init__(self, jobs) -> None:
        self.passes_on = jobs.enqueue
        self.messages: list[str] = []
        self.down = False

    def enqueue(self, name: str, *args, **kwargs) -> None:
        if name != SEND_TASK:
            return self.passes_on(name, *args, **kwargs)
        if self.down:
            raise ConnectionError("the job queue is down")
        self.messages.append(args[0])
        return None

    def run(self) -> list[str]:
        results = []
        while self.messages:
            results.append(send_wechat_notification(self.messages.pop(0)))
        return results


@pytest.fixture
def queue(runtime) -> Queue:
    queue = Queue(runtime.jobs)
    runtime.jobs.enqueue = queue.enqueue
    return queue


@pytest.fixture
def application(subscribed, queue) -> dict:  # noqa: F811
    application = flows.submitted(subscribed)
    queue.run()  # "已送达审核"
    return application


def sweep() -> int:
    """The periodic sweep of WeChat messages, as the job worker runs it every minute."""
    function, minutes = PERIODIC["sweep_wechat_deliveries"]
    assert minutes == 1
    return function()


def accepted(as_reviewer, application) -> None:
    response = as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    assert response.status_code == 200, response.get_json()


def stages_sent(fake_wechat) -> list[str]:
    return [message.data["thing2"]["value"] for message in fake_wechat.subscribe_messages]


def latest_delivery(runtime) -> tuple[str, str, int]:
    with runtime.database.sessions() as session:
        latest = session.query(Notification).order_by(Notification.created_at.desc()).first().id
        delivery = session.query(NotificationDelivery).filter_by(notification_id=latest).one()
        return latest, delivery.status, delivery.attempts


def test_a_message_whose_enqueue_was_lost_is_sent_by_the_sweep_once(application, as_reviewer, queue, fake_wechat,
                                                                    clock, runtime):
    queue.down = True  # Redis down at the decision: the decision is made, its message's enqueue lost
    accepted(as_reviewer, application)
    queue.down = False
    assert stages_sent(fake_wechat) == ["已送达审核"]
    assert latest_delivery(runtime)[1:] == ("pending", 0)

    clock.current += timedelta(seconds=SEND_SWEEP_AFTER_SECONDS - 10)
    assert sweep() == 0  # its job may still be on its way
    clock.current += timedelta(seconds=11)
    assert sweep() == 1
    assert queue.run() == ["sent"]
    assert stages_sent(fake_wechat) == ["已送达审核", "已受理"]
    clock.current += timedelta(minutes=10)
    assert sweep() == 0
    assert stages_sent(fake_wechat) == ["已送达审核", "已受理"]


def test_a_message_whose_worker_died_mid_send_is_sent_again_when_its_lease_runs_out(
        application, as_reviewer, queue, fake_wechat, clock, runtime, monkeypatch):
    accepted(as_reviewer, application)
    import backend.wechat.client as wechat_client

    real = wechat_client.mini_program_client
    killed = types.SimpleNamespace(wxa=types.SimpleNamespace(send_subscribe_message=_raise(WorkerKilled())))
    monkeypatch.setattr(wechat_client, "mini_program_client", lambda: killed)
    with pytest.raises(WorkerKilled):
        queue.run()
    monkeypatch.setattr(wechat_client, "mini_program_client", real)
    notification_id, status, attempts = latest_delivery(runtime)
    assert (status, attempts) == ("pending", 1)

    clock.current += timedelta(seconds=SEND_LEASE_SECONDS - 5)
    assert sweep() == 0  # still leased to the dead worker
    assert send_wechat_notification(notification_id) == "being sent"  # a duplicate job meanwhile: nothing sent
    clock.current += timedelta(seconds=6)
    assert sweep() == 1
    assert queue.run() == ["sent"]
    assert stages_sent(fake_wechat) == ["已送达审核", "已受理"]
    assert send_wechat_notification(notification_id) == "nothing to do"  # a late duplicate


def test_a_duplicate_job_while_another_worker_is_sending_sends_nothing(application, as_reviewer, queue, fake_wechat,
                                                                       runtime, monkeypatch):
    accepted(as_reviewer, application)
    notification_id = queue.messages[0]
    import backend.wechat.client as wechat_client

    real = wechat_client.mini_program_client()
    duplicates = []

    def send_while_a_duplicate_runs(*args, **kwargs):
        duplicates.append(send_wechat_notification(notification_id))  # another worker, the same message
        return real.wxa.send_subscribe_message(*args, **kwargs)

    sending = types.SimpleNamespace(wxa=types.SimpleNamespace(send_subscribe_message=send_while_a_duplicate_runs))
    monkeypatch.setattr(wechat_client, "mini_program_client", lambda: sending)
    assert queue.run() == ["sent"]
    assert duplicates == ["being sent"]
    assert stages_sent(fake_wechat) == ["已送达审核", "已受理"]


def _raise(error: BaseException):
    def raising(*args, **kwargs):
        raise error
    return raising


def test_a_message_lost_more_than_a_day_ago_is_not_sent_late(application, as_reviewer, queue, fake_wechat, clock,
                                                             runtime):
    # The first sweep after an upgrade finds every enqueue ever lost: old news is not sent as if it were new.
    queue.down = True
    accepted(as_reviewer, application)
    queue.down = False
    clock.current += SEND_WITHIN + timedelta(minutes=1)
    assert sweep() == 0
    assert latest_delivery(runtime)[1] == "skipped"
    assert stages_sent(fake_wechat) == ["已送达审核"]


def test_a_lost_message_is_not_sent_after_later_news_about_the_same_application(application, as_reviewer, queue,
                                                                               fake_wechat, clock, runtime):
    queue.down = True
    accepted(as_reviewer, application)  # "已受理": its enqueue lost
    lost_id = latest_delivery(runtime)[0]
    queue.down = False
    passed = as_reviewer.post(f"/review/applications/{application['id']}/decisions",
                              json={"type": "township_review_passed"})
    assert passed.status_code == 200
    assert queue.run() == ["sent"]  # the later news reached the person
    clock.current += timedelta(seconds=SEND_SWEEP_AFTER_SECONDS + 1)
    sweep()
    assert queue.run() == ["skipped"]  # "已受理" would now arrive as the latest news: not sent
    assert send_wechat_notification(lost_id) == "nothing to do"
    assert stages_sent(fake_wechat)[-1] != "已受理" and stages_sent(fake_wechat).count("已受理") == 0


def test_a_worker_whose_lease_was_taken_over_records_nothing(application, as_reviewer, queue, fake_wechat, clock,
                                                           runtime, monkeypatch):
    # Worker A is so slow that its lease runs out; worker B sends the message; A's late failure must not set it back
    # to pending, which would send it a second time.
    accepted(as_reviewer, application)
    notification_id = queue.messages.pop(0)
    import backend.wechat.client as wechat_client

    real = wechat_client.mini_program_client()
    outcome = []

    def slow_then_failing(*args, **kwargs):
        clock.current += timedelta(seconds=SEND_LEASE_SECONDS + 1)
        sweep()
        outcome.extend(queue.run())  # worker B
        raise real_error()

    sends_of_b = []

    def b_sends(*args, **kwargs):
        sends_of_b.append(args)
        return real.wxa.send_subscribe_message(*args, **kwargs)

    monkeypatch.setattr(wechat_client, "mini_program_client", _first_then(
        types.SimpleNamespace(wxa=types.SimpleNamespace(send_subscribe_message=slow_then_failing)),
        types.SimpleNamespace(wxa=types.SimpleNamespace(send_subscribe_message=b_sends))))
    assert send_wechat_notification(notification_id) == "nothing to do"  # worker A, late
    assert outcome == ["sent"] and len(sends_of_b) == 1
    assert latest_delivery(runtime)[1] == "sent"
    clock.current += timedelta(minutes=5)
    assert sweep() == 0
    assert stages_sent(fake_wechat) == ["已送达审核", "已受理"]


def real_error():
    import requests
    return requests.ConnectionError("WeChat did not answer")


def _first_then(first, then):
    calls = []

    def client():
        calls.append(1)
        return first if len(calls) == 1 else then
    return client
