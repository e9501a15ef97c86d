"""Which questions are asked: derived from what the application lacks (its `missing` list and the
checklist), never asked twice, and confirmed when already known (typed in the form, read from a photo)."""

from __future__ import annotations

from sqlalchemy import select

from backend.materials.models import Material
from backend.prefill.models import PrefillProposal
from backend.prefill.reading import seal
from backend.unit_of_work import unit_of_work
from tests.accessibility.conversation.chat import Chat, answers_for, chat_at, complete
from tests.support.factories import complete_fields, person
from tests.support.flows import start


def steps_asked(chat: Chat) -> list[str]:
    return list(dict.fromkeys(view["prompt"]["step"] for view in chat.views))


def test_no_household_question_for_someone_asking_only_for_the_nursing_subsidy(applicant):
    chat = Chat.start(applicant)
    complete(chat, answers_for(person(), subsidies="护理补贴"))
    asked = steps_asked(chat)
    assert "household.status" not in asked and "material.dibao_proof" not in asked
    assert "certificate.grade" in asked and "policy_notice_acknowledged" in asked


def test_no_low_income_photo_when_the_household_has_no_dibao(applicant):
    chat = Chat.start(applicant)
    complete(chat, answers_for(person(), **{"household.status": "都不是"}))
    asked = steps_asked(chat)
    assert "household.status" in asked and "material.dibao_proof" not in asked
    summary = next(v for v in chat.views if v["prompt"]["step"] == "summary")["prompt"]["text"]
    assert "困难残疾人生活补贴：暂不符合条件" in summary  # the evaluator's word, before submitting


def test_a_subsidy_not_qualified_for_is_said_with_its_main_reason_and_no_amount(applicant):
    chat = Chat.start(applicant)
    complete(chat, answers_for(person(), **{"household.status": "都不是"}))
    summary = next(v for v in chat.views if v["prompt"]["step"] == "summary")["prompt"]
    assert "困难残疾人生活补贴：暂不符合条件。主要原因：生活补贴发给纳入低保的家庭中的残疾人。" in summary["text"]
    assert "生活补贴只给有低保的家庭" in summary["easy_read"]
    living = next(line for line in summary["text"].splitlines() if line.startswith("困难残疾人生活补贴"))
    assert "金额" not in living and "元" not in living


def test_no_proxy_questions_for_someone_applying_for_themselves(applicant):
    chat = Chat.start(applicant)
    complete(chat, answers_for(person()))
    assert not [step for step in steps_asked(chat) if step.startswith("proxy.")]
    assert "material.guardianship_proof" not in steps_asked(chat)


def test_a_guardian_is_asked_about_themselves_and_for_proof_of_guardianship(applicant):
    child = person(born="2012-04-09")
    parent = person(born="1984-10-20")
    chat = Chat.start(applicant)
    answers = answers_for(child, applying_as="不是", **{
        "proxy.relation": "我是他妈妈", "proxy.name": parent.name, "proxy.id_number": parent.id_number,
        "proxy.phone": parent.phone})
    chat.say(answers["applying_as"])
    assert chat.mode == "choose"
    chat.say("家人")
    complete(chat, answers)
    asked = steps_asked(chat)
    assert asked.index("proxy.relation") < asked.index("applicant.name")
    assert "material.guardianship_proof" in asked
    document = applicant.get(f"/applications/{chat.application_id}?reveal=true").get_json()
    assert document["applying_as"] == "guardian"
    assert document["proxy"]["relation"] == "parent" and document["proxy"]["id_number"] == parent.id_number
    name_prompt = next(v for v in chat.views if v["prompt"]["step"] == "applicant.name")["prompt"]["text"]
    assert "申请人的姓名" in name_prompt


def test_values_typed_in_the_form_are_confirmed_not_asked_again(applicant):
    who = person()
    fields = complete_fields(who)
    draft = start(applicant, consents=[])
    applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"name": who.name}}, version=draft["version"])
    chat = Chat.start(applicant, application_id=draft["id"])
    assert (chat.step, chat.mode) == ("applying_as", "confirm")
    chat.say("对")
    assert (chat.step, chat.mode) == ("subsidies", "confirm")
    assert "困难残疾人生活补贴、重度残疾人护理补贴" in chat.prompt["text"]
    chat.until("applicant.name", answers_for(who))
    assert chat.mode == "confirm" and chat.prompt["text"] == f"您的姓名是{who.name}，对吗？"
    chat.say("是的")
    assert chat.step == "applicant.id_number"
    assert fields  # the rest is asked


def test_a_value_read_from_a_photo_is_confirmed_and_accepted(applicant):
    who = person()
    chat = chat_at(applicant, "applicant.name", who)
    with unit_of_work() as uow:
        material = uow.session.scalars(select(Material).where(Material.application_id == chat.application_id,
                                                              Material.kind == "id_card_front")).one()
        proposal = PrefillProposal(application_id=chat.application_id, material_id=material.id,
                                   field="applicant.name", document_field="name", value=b"", confidence=0.97,
                                   status="pending", created_at=uow.now)
        uow.session.add(proposal)
        uow.session.flush()
        proposal.value = seal(uow, proposal, who.name)
        uow.commit()
    view = chat.resume()
    assert (view["prompt"]["step"], view["prompt"]["mode"]) == ("applicant.name", "confirm")
    assert view["prompt"]["text"] == f"从照片上看，您的姓名是{who.name}，对吗？"
    chat.say("对的")
    assert chat.step == "applicant.id_number"
    document = applicant.get(f"/applications/{chat.application_id}").get_json()
    assert document["applicant"]["name"] == who.name
    with unit_of_work() as uow:
        assert uow.session.get(PrefillProposal, proposal.id).status == "accepted"


def test_a_confirmed_answer_the_application_no_longer_accepts_is_asked_again(applicant):
    who, somebody_else = person(), person()
    chat = chat_at(applicant, "certificate.issue_date", who)  # the certificate number was composed from the ID
    chat.say("改身份证号")
    chat.say(somebody_else.id_number)
    assert chat.step == "certificate.number" and chat.mode == "ask"
    assert "与申请人的身份证号码不一致" in chat.said
    chat.say(somebody_else.id_number + "42")
    assert chat.step == "certificate.issue_date"


def test_the_first_questions_are_kept_before_the_application_exists(app, applicant):
    from tests.conftest import login
    chat = Chat.start(applicant)
    chat.say("自己")
    assert chat.application_id is None
    other_phone = login(app, "demo-applicant")
    assert chat.resume(other_phone)["prompt"]["step"] == "subsidies"
    chat.say("护理")
    assert chat.application_id is not None
    assert applicant.get(f"/applications/{chat.application_id}").get_json()["subsidies"] == ["nursing"]


def test_the_conversations_own_state_never_holds_an_answer_in_clear(applicant, runtime):
    who = person()
    chat = chat_at(applicant, "applicant.id_number", who)
    chat.say(who.id_number.replace("9", "酒") if "9" in who.id_number else who.id_number.replace("1", "医"))
    from backend.conversations.models import Conversation
    with runtime.database.sessions() as session:
        stored = session.get(Conversation, chat.id).state
    assert who.id_number.encode() not in stored and who.id_number[-6:].encode() not in stored
