"""A photo that reads a field otherwise than the person typed (the pre-fill's `differs_from_current`): the
summary says each such field with both values in words, and 提交 first asks which is right. Nothing typed is
changed unless the person says the photo is right: a disagreement is shown, not resolved silently (issue 5,
item 4); a blind person cannot look at the photo."""

from __future__ import annotations

from sqlalchemy import select

from backend.materials.models import Material
from backend.prefill.models import PrefillProposal
from backend.prefill.reading import seal
from backend.unit_of_work import unit_of_work
from tests.accessibility.conversation.chat import Chat, chat_at
from tests.support.factories import person


def read_from_the_certificate(application_id: str, **values) -> None:
    """What the certificate's photo was read to say, as the pre-fill job leaves it (pending proposals)."""
    with unit_of_work() as uow:
        material = uow.session.scalars(select(Material).where(Material.application_id == application_id,
                                                              Material.kind == "disability_certificate")).one()
        for path, value in values.items():
            proposal = PrefillProposal(application_id=application_id, material_id=material.id,
                                       field=path, document_field=path.split(".")[1], value=b"", confidence=0.9,
                                       status="pending", created_at=uow.now)
            uow.session.add(proposal)
            uow.session.flush()
            proposal.value = seal(uow, proposal, value)
        uow.commit()


def at_the_summary_with_a_photo_that_differs(applicant) -> Chat:
    chat = chat_at(applicant, "summary", person())  # typed: 肢体残疾, 二级
    read_from_the_certificate(chat.application_id, **{"certificate.category": 1, "certificate.grade": 2})
    chat.resume()
    assert chat.step == "summary"
    return chat


def pending(application_id: str) -> list[str]:
    with unit_of_work() as uow:
        return [p.field for p in uow.session.scalars(select(PrefillProposal).where(
            PrefillProposal.application_id == application_id, PrefillProposal.status == "pending"))]


def test_the_summary_names_a_field_a_photo_reads_otherwise_with_both_values(applicant):
    chat = at_the_summary_with_a_photo_that_differs(applicant)
    assert "残疾类别：您说的是肢体残疾，证件照片上像是视力残疾。" in chat.prompt["text"]
    assert "残疾类别：您说肢体残疾，照片上像是视力残疾。" in chat.prompt["easy_read"]
    assert "残疾等级：您说" not in chat.prompt["text"]  # the photo agrees with what was typed


def test_submitting_while_a_photo_differs_first_asks_which_is_right(applicant):
    chat = at_the_summary_with_a_photo_that_differs(applicant)
    chat.say("提交")
    assert not chat.view["done"]
    assert "提交之前，请先确认残疾类别：您说的是肢体残疾，证件照片上像是视力残疾。哪个对？" in chat.prompt["text"]
    assert [c["answer"] for c in chat.prompt["input"]["choices"]] == ["我说的对", "照片对", "改"]
    chat.say("我说的对")
    assert chat.view["done"] and "申请提交好了" in chat.said
    assert "残疾类别按您说的：肢体残疾" in chat.said
    document = applicant.get(f"/applications/{chat.application_id}").get_json()
    assert document["certificate"]["category"] == 4
    assert pending(chat.application_id) == ["certificate.grade"]  # the agreeing one is left as it was


def test_saying_the_photo_is_right_takes_its_value_and_says_the_summary_again(applicant):
    chat = at_the_summary_with_a_photo_that_differs(applicant)
    chat.say("提交")
    chat.say("照片对")
    assert not chat.view["done"] and chat.step == "summary"
    assert "已经按照片改好了" in chat.said
    document = applicant.get(f"/applications/{chat.application_id}").get_json()
    assert document["certificate"]["category"] == 1
    assert "证件照片上像是" not in chat.prompt["text"]


def test_saying_change_to_which_is_right_asks_the_field_again(applicant):
    chat = at_the_summary_with_a_photo_that_differs(applicant)
    chat.say("提交")
    chat.say("改")
    assert chat.step == "certificate.category" and chat.mode == "ask"
    chat.say("言语")
    assert chat.step == "summary" and not chat.view["done"]
    chat.say("提交")
    assert "您说的是言语残疾，证件照片上像是视力残疾" in chat.prompt["text"]
