"""An administrator of a province or county (User.region_code; the statistics already show them their area only)
manages the assistants of their area only: they were shown every county's assistants, could disable another
county's and open an assistant account anywhere, whose activation code gives its holder an assistant's powers there."""

from __future__ import annotations

import pytest

from tests.support.accounts import logged_in

WULONG, TAIYUAN_XIAODIAN = "500156", "140105"


@pytest.fixture
def wulong_admin(app, demo_accounts):
    return logged_in(app, "wulong-admin", "admin", region=WULONG)


def test_a_county_administrator_opens_assistant_accounts_only_for_their_county(wulong_admin):
    made = wulong_admin.post("/admin/assistants", json={"display_name": "白云乡协办员", "region_code": WULONG})
    assert made.status_code == 201, made.get_json()
    refused = wulong_admin.post("/admin/assistants", json={"display_name": "外县协办员",
                                                           "region_code": TAIYUAN_XIAODIAN})
    assert refused.status_code == 422
    assert refused.get_json()["errors"][0]["code"] == "region_outside_your_area"


def test_a_county_administrator_lists_and_disables_only_their_countys_assistants(wulong_admin, as_admin):
    elsewhere = as_admin.post("/admin/assistants", json={"display_name": "外县协办员",
                                                         "region_code": TAIYUAN_XIAODIAN}).get_json()["user"]
    mine = wulong_admin.post("/admin/assistants", json={"display_name": "白云乡协办员",
                                                        "region_code": WULONG}).get_json()["user"]
    listed = [item["id"] for item in wulong_admin.get("/admin/assistants").get_json()["assistants"]]
    assert mine["id"] in listed and elsewhere["id"] not in listed
    refused = wulong_admin.post(f"/admin/assistants/{elsewhere['id']}/disable")
    assert refused.status_code == 404 and refused.get_json()["code"] == "assistant_not_found"
    assert wulong_admin.post(f"/admin/assistants/{mine['id']}/disable").status_code == 200


def test_an_administrator_without_a_region_manages_every_county(as_admin):
    made = as_admin.post("/admin/assistants", json={"display_name": "外县协办员", "region_code": TAIYUAN_XIAODIAN})
    assert made.status_code == 201
    assert made.get_json()["user"]["id"] in [item["id"] for item in as_admin.get("/admin/assistants").get_json()["assistants"]]
