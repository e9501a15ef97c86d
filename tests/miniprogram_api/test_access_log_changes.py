"""The access log says one line for each change that changed something (issue 8: who changed their application):
an assistant's visit that opened the application to change it and changed nothing (the first step of each photo's
upload, a save refused as invalid, the pre-fill list) is no "修改了申请" line with no field, which an elderly reader
took as fifteen changes nobody could name."""

from __future__ import annotations

from tests.miniprogram_api.test_acting_for_others import apply_for_him, register_man
from tests.support.accounts import logged_in


def test_the_access_log_shows_a_change_only_where_something_was_changed(app, as_assistant):
    person_id = register_man(as_assistant)["person"]["id"]
    application = apply_for_him(as_assistant, person_id)
    as_assistant.get(f"/applications/{application['id']}/prefill")
    refused = as_assistant.patch(f"/applications/{application['id']}", json={"applicant": {"phone": "12"}},
                                 version=application["version"])
    assert refused.status_code in (409, 422)
    code = as_assistant.post(f"/assistance/people/{person_id}/handover-code").get_json()["code"]
    himself = logged_in(app, "man-own-wechat")
    assert himself.post("/me/claim", json={"code": code}).status_code == 200

    entries = himself.get(f"/applications/{application['id']}/access-log").get_json()["entries"]

    changes = [entry for entry in entries if entry["did"] == "change"]
    assert changes and all(entry["fields"] for entry in changes)
    # Made with its consents, saved once, four photos added: six changes, each naming what it changed.
    assert [[item["field"] for item in entry["fields"]] for entry in changes][2:] == [
        ["id_card_front"], ["id_card_back"], ["disability_certificate"], ["dibao_proof"]]
    assert len(changes) == 6
    assert [entry["did"] for entry in entries].count("submit") == 1
