"""Where an application stands, what happened, and what happens next, in plain words."""

from backend.messages.catalog import define

STAGES = {
    "draft": ("填写中", "还在填写"),
    "submitted": ("已提交", "已经交了"),
    "handed_off": ("已送达审核", "已经送给工作人员"),
    "accepted": ("已受理", "已经收下了"),
    "township_review": ("乡镇（街道）初审中", "乡镇正在看"),
    "federation_review": ("残联审核中", "残联正在看"),
    "civil_affairs_approval": ("民政部门审定中", "民政局正在定"),
    "correction_requested": ("需要补正材料", "要您改一下"),
    "approved": ("审定通过", "通过了"),
    "public_notice": ("公示中", "名单贴出来了"),
    "paying": ("已开始发放", "开始发钱了"),
    "rejected": ("未通过", "没有通过"),
    "withdrawn": ("已撤回", "已经撤回"),
}
for _stage, (_standard, _easy) in STAGES.items():
    define(f"stage.{_stage}", _standard, _easy)

# Timeline entries: what happened.
EVENTS = {
    "created": ("开始填写申请。", "开始填申请。"),
    "submitted": ("提交了申请。", "交了申请。"),
    "resubmitted": ("补正后重新提交了申请。", "改好后又交了申请。"),
    "handed_off": ("申请已送达{office}审核。", "申请已经送到{office}。"),
    "accepted": ("乡镇（街道）受理了申请。", "乡镇收下了申请。"),
    "correction_requested": ("审核人员请您补正材料。原因：{reason}", "要您改一下。原因：{reason}"),
    "township_review_passed": ("乡镇（街道）初审通过，已转残联审核。", "乡镇看过了。现在残联看。"),
    "federation_review_passed": ("残联审核通过，已转民政部门审定。", "残联看过了。现在民政局定。"),
    "approved": ("民政部门审定通过。", "民政局同意了。"),
    "rejected": ("申请未通过。原因：{reason}", "申请没有通过。原因：{reason}"),
    "public_notice": ("开始公示，公示期 {notice_from} 至 {notice_to}。", "名单贴出来给大家看。从{notice_from}到{notice_to}。"),
    "payment_started": ("补贴开始发放。", "开始发钱了。"),
    "withdrawn": ("撤回了申请。", "撤回了申请。"),
    "material_changed": ("补正了{kind}。", "改了{kind}。"),
    "material_removed": ("删除了{kind}。", "删了{kind}。"),
}
for _event, (_standard, _easy) in EVENTS.items():
    define(f"event.{_event}", _standard, _easy)

ROLES = {
    "applicant": ("申请人", "您"),
    "self": ("本人申请", "自己申请"),     # applying_as's own choice, named when the choices are listed
    "guardian": ("监护人", "监护人"),
    "entrusted": ("受委托人", "受委托的人"),
    "village_committee": ("村（居）委会", "村委会"),
    "institution": ("儿童福利机构", "福利院"),
    "assistant": ("村（居）协办员", "帮办的人"),
    "reviewer": ("审核部门", "工作人员"),
    "township": ("乡镇（街道）", "乡镇"),
    "disabled_persons_federation": ("区县残联", "残联"),
    "civil_affairs": ("区县民政部门", "民政局"),
    "review_system": ("审核系统", "工作人员"),
    "system": ("两补网办", "系统"),
    "public": ("申请人", "您"),
    "admin": ("管理员", "管理员"),
    "family": ("家人", "家人"),
    "command_line": ("系统管理", "系统管理"),
}
for _role, (_standard, _easy) in ROLES.items():
    define(f"role.{_role}", _standard, _easy)

# What happens next, by stage.
define("next.draft", "申请还没有提交。填完所有必填项后，请检查并提交。", "还没交。填好后请交上来。")
define("next.submitted", "我们会在{by}前把申请送到{office}审核。", "{by}前，申请会送到{office}。")
define("next.handed_off", "{office}会在{by}前作出是否符合补贴条件的决定。", "{by}前会告诉您结果。")
define("next.accepted", "乡镇（街道）正在初审，{by}前会作出决定。", "乡镇正在看。{by}前有结果。")
define("next.township_review", "乡镇（街道）正在初审，{by}前会作出决定。", "乡镇正在看。{by}前有结果。")
define("next.federation_review", "区县残联正在核对残疾人证和残疾等级，{by}前会作出决定。", "残联正在看。{by}前有结果。")
define("next.civil_affairs_approval", "区县民政部门正在审定，{by}前会作出决定。", "民政局正在定。{by}前有结果。")
# Seed 001 item 7, seed 002 一: the deadlines count from the day the materials are complete, so from the resubmission.
define("next.correction_requested",
       "请按要求补正后重新提交。重新提交后，我们会在{hand_off_days}个工作日内把申请送到{office}，"
       "{office}在送达后{decision_days}个工作日内作出决定，期限从重新提交那天重新计算。",
       "请改好后再交。再交以后，{hand_off_days}个工作日内送给工作人员。"
       "送到以后，{decision_days}个工作日内有结果。从再交那天算。")
define("next.approved", "审定通过后会公示，公示没有异议就开始发放补贴。", "先把名单贴出来给大家看。没问题就发钱。")
define("next.public_notice", "公示期到 {notice_to}。公示没有异议就开始发放补贴。", "名单贴出来给大家看，到{notice_to}。没问题就发钱。")
define("next.paying", "补贴按月发放。家里情况有变化时，请及时告诉我们。", "每月发钱。情况变了请告诉我们。")
define("next.rejected", "如果情况有变化，您可以重新申请。有疑问，可以咨询下面列出的办事部门。", "情况变了，可以再申请。有问题，可以打下面的电话。")
# How to apply again, and from when a new application is paid: seed 001 item 9 (经资格审定合格后，自残疾人递交申请
# 当月计发补贴), so the withdrawn one's month no longer counts.
define("next.withdrawn",
       "这份申请不会再办理了。想再申请时，请在小程序里新建一份申请，证件照片要重新上传。"
       "新申请审定合格的，补贴从递交新申请的当月起计发。",
       "这份申请不会再办了。想再申请，请在小程序里新建一份申请。照片要重新拍、重新传。"
       "新申请通过了，从交新申请的那个月开始算钱。")
# The answer to the one who withdraws (POST /applications/{id}/withdraw): what happened, and `next` (next.withdrawn).
define("withdraw.done", "申请 {reference} 已经撤回。{next}", "申请撤回了。{next}")

define("action.finish_draft", "还需要填写：{items}。", "还要填：{items}。")
define("action.correct_items", "请补正：{items}。原因：{reason}", "请改：{items}。原因：{reason}")

define("decision.amounts", "每月{amounts}，从{start_month}起计发。", "每月{amounts}。从{start_month}开始。")
define("subsidy.living", "困难残疾人生活补贴", "生活补贴")
define("subsidy.nursing", "重度残疾人护理补贴", "护理补贴")
define("amount.yuan", "{subsidy}{amount}元", "{subsidy}{amount}元")

define("deadline.late_handoff", "送审已超过期限（应在{by}前送达），我们正在处理。", "送晚了。我们正在处理。")
define("deadline.late_decision", "审核已超过期限（应在{by}前作出决定），我们已提醒审核部门。", "结果晚了。我们已经催了。")
define("deadline.paused_for_correction",
       "等您补正期间，审核期限暂停。重新提交后重新计算：{hand_off_days}个工作日内送审，送达后{decision_days}个工作日内作出决定。",
       "等您改的时候，不算日子。再交以后重新算。")
define("deadline.estimated", "期限按工作日计算。{year}年的节假日安排尚未公布，日期是按法定节假日估算的，可能会有变动。",
       "日子是估算的。放假安排还没公布。")

NOTIFICATIONS = {
    "submitted": ("您的申请 {reference} 已提交。", "申请已经交了。"),
    "handed_off": ("您的申请 {reference} 已送达审核。", "申请已经送给工作人员了。"),
    "accepted": ("您的申请 {reference} 已受理。", "申请已经收下了。"),
    "correction_requested": ("您的申请 {reference} 需要补正材料，请查看。", "申请要您改一下。请看一下。"),
    "township_review_passed": ("您的申请 {reference} 乡镇初审通过。", "乡镇看过了，通过了。"),
    "federation_review_passed": ("您的申请 {reference} 残联审核通过。", "残联看过了，通过了。"),
    "approved": ("您的申请 {reference} 审定通过。", "申请通过了。"),
    "rejected": ("您的申请 {reference} 未通过，请查看原因。", "申请没有通过。请看原因。"),
    "public_notice": ("您的申请 {reference} 正在公示。", "申请通过了。名单贴出来给大家看。"),
    "payment_started": ("您的补贴已开始发放。", "开始发钱了。"),
    "withdrawn": ("您的申请 {reference} 已撤回，不会再办理。想再申请时，请在小程序里新建一份申请。",
                  "申请撤回了，不会再办了。想再申请，请新建一份。"),
}
for _event, (_standard, _easy) in NOTIFICATIONS.items():
    define(f"notification.{_event}", _standard, _easy)
# The same news to whoever follows someone else's application (an assistant, a relative): whose it is.
NOTIFICATIONS_FOR = {
    "submitted": ("{name}的申请 {reference} 已提交。", "{name}的申请已经交了。"),
    "handed_off": ("{name}的申请 {reference} 已送达审核。", "{name}的申请已经送给工作人员了。"),
    "accepted": ("{name}的申请 {reference} 已受理。", "{name}的申请已经收下了。"),
    "correction_requested": ("{name}的申请 {reference} 需要补正材料，请查看。", "{name}的申请要改一下。请看一下。"),
    "township_review_passed": ("{name}的申请 {reference} 乡镇初审通过。", "{name}的申请乡镇看过了，通过了。"),
    "federation_review_passed": ("{name}的申请 {reference} 残联审核通过。", "{name}的申请残联看过了，通过了。"),
    "approved": ("{name}的申请 {reference} 审定通过。", "{name}的申请通过了。"),
    "rejected": ("{name}的申请 {reference} 未通过，请查看原因。", "{name}的申请没有通过。请看原因。"),
    "public_notice": ("{name}的申请 {reference} 正在公示。", "{name}的申请通过了。名单贴出来了。"),
    "payment_started": ("{name}的补贴已开始发放（申请 {reference}）。", "{name}开始领钱了。"),
    "withdrawn": ("{name}的申请 {reference} 已撤回，不会再办理。", "{name}的申请撤回了，不会再办了。"),
}
for _event, (_standard, _easy) in NOTIFICATIONS_FOR.items():
    define(f"notification.for.{_event}", _standard, _easy)
# The same news to someone who followed the application and may no longer (a relative whose link was revoked, an
# assistant the person stopped): neither "您的申请", which is not theirs, nor the person's name, which is no longer
# theirs to see; the reference alone says which.
NOTIFICATIONS_BY_REFERENCE = {
    "submitted": ("申请 {reference} 已提交。", "申请 {reference} 已经交了。"),
    "handed_off": ("申请 {reference} 已送达审核。", "申请 {reference} 已经送给工作人员了。"),
    "accepted": ("申请 {reference} 已受理。", "申请 {reference} 已经收下了。"),
    "correction_requested": ("申请 {reference} 需要补正材料。", "申请 {reference} 要改一下。"),
    "township_review_passed": ("申请 {reference} 乡镇初审通过。", "申请 {reference} 乡镇看过了，通过了。"),
    "federation_review_passed": ("申请 {reference} 残联审核通过。", "申请 {reference} 残联看过了，通过了。"),
    "approved": ("申请 {reference} 审定通过。", "申请 {reference} 通过了。"),
    "rejected": ("申请 {reference} 未通过。", "申请 {reference} 没有通过。"),
    "public_notice": ("申请 {reference} 正在公示。", "申请 {reference} 的名单贴出来了。"),
    "payment_started": ("申请 {reference} 的补贴已开始发放。", "申请 {reference} 开始发钱了。"),
    "withdrawn": ("申请 {reference} 已撤回。", "申请 {reference} 撤回了。"),
}
for _event, (_standard, _easy) in NOTIFICATIONS_BY_REFERENCE.items():
    define(f"notification.ref.{_event}", _standard, _easy)

# Review decisions by name (for the desk's messages).
for _event, (_standard, _easy) in {
        "accepted": ("受理", "收下"), "correction_requested": ("要求补正", "要您改一下"),
        "township_review_passed": ("乡镇初审通过", "乡镇看过了"), "federation_review_passed": ("残联审核通过", "残联看过了"),
        "approved": ("审定通过", "通过"), "rejected": ("不予通过", "不通过"), "public_notice": ("公示", "名单贴出来"),
        "payment_started": ("开始发放", "开始发钱")}.items():
    define(f"decision.{_event}", _standard, _easy)

# Flags on the review desk, for the reviewer only (backend/review/same_person.py).
define("review_flag.same_person_elsewhere",
       "另一份申请 {reference}（{stage}，{office}）的{numbers}与本申请相同：请核实是否同一人重复申请，或有人冒用他人证件申请。",
       "另一份申请 {reference} 用了同样的{numbers}。请查一查：是同一个人申请了两次，还是有人用了别人的证件。")

# Why each checklist item is needed.
CHECKLIST = {
    "identity": ("证明身份：身份证正反面，或户口簿。", "拍身份证两面。或者拍户口本。"),
    "disability_certificate": ("证明残疾类别和等级：残疾人证。", "拍残疾人证。"),
    "dibao_proof": ("申请生活补贴，要证明家里纳入了低保（或低保边缘）。", "拍低保证。"),
    "guardianship_proof": ("代为申请的，要证明您是申请人的监护人。", "拍监护证明。"),
    "authorisation_letter": ("受委托代为申请的，要有申请人签字的委托书。", "拍委托书。"),
    "consent_record": ("村（居）委会代为申请的，要有申请人同意的记录。", "拍申请人的同意书。"),
    "policy_notice": ("阅读政策告知书并在网上确认，确认就是您的签字，不用拍纸质材料。", "看政策说明。点确认就行。"),
}
for _item, (_standard, _easy) in CHECKLIST.items():
    define(f"checklist.{_item}", _standard, _easy)

ACCESS_LOG = {
    "view": ("查看了申请", "看了申请"),
    "reveal": ("查看了完整的证件号码", "看了完整的号码"),
    "change": ("修改了申请", "改了申请"),
    "submit": ("提交了申请", "交了申请"),
    "withdraw": ("撤回了申请", "撤回了申请"),
    "review": ("审核了申请", "看了申请，做了决定"),
    "link": ("申请关联这份申请", "想关联这份申请"),
}
for _verb, (_standard, _easy) in ACCESS_LOG.items():
    define(f"access_log.{_verb}", _standard, _easy)

# What a person agrees to when they enter (or scan) an assistant's consent code (issue 8; seed 004, 政策告知书 三:
# 个人申请确有困难的，可委托他人或由所在村（居）民委员会代为申请).
define("consent_offer.what",
       "{assistant}（{region}的村（居）协办员）请您同意由他（她）帮您申请残疾人两项补贴：查看和填写您的申请、"
       "上传证件照片、替您提交，并看到审核进度。同意后{days}天内有效，您随时可以在小程序里撤销。",
       "{assistant}想帮您申请两项补贴。他会填表、拍证件、帮您提交。{days}天内有效。您随时可以取消。")
define("consent_offer.how",
       "同意的话，请在微信里打开两补网办小程序，输入这8位数字：{code}。不同意就不用做任何事。",
       "同意就在小程序里输入数字：{code}。不同意就不用管。")
# What the applicant is asked about a pending link (issue 8, items 1 and 4): who asks, in the name they gave, as what.
define("link.confirm_prompt.guardian",
       "{name}请求作为您的监护人（{relation}）代您办理申请。如果您认识这个人，也同意，请确认；"
       "如果不认识或不同意，请拒绝。",
       "{name}说是您的{relation}，想帮您办申请。认识就确认。不认识就拒绝。")
define("link.confirm_prompt.family",
       "{name}请求以您的家人（{relation}）身份关联您的申请，关联后可以看到办理进度。如果您认识这个人，也同意，请确认；"
       "如果不认识或不同意，请拒绝。",
       "{name}说是您的{relation}，想看您的申请进度。认识就确认。不认识就拒绝。")
define("link.confirm_prompt.entrusted",
       "{name}请求作为受您委托的人办理您的申请，委托到{until}为止。如果您确实委托了这个人，请确认；"
       "如果没有委托，请拒绝。",
       "{name}说您请他帮您办申请，到{until}为止。是真的就确认。不是就拒绝。")
# The same, asked of someone who made the application for another person (a guardian for her son): whose it is.
define("link.confirm_prompt.guardian.made_for",
       "{name}请求作为{applicant}的监护人（{relation}）代办{applicant}的申请。如果您认识这个人，也同意，请确认；"
       "如果不认识或不同意，请拒绝。",
       "{name}说是{applicant}的{relation}，想帮{applicant}办申请。认识就确认。不认识就拒绝。")
define("link.confirm_prompt.family.made_for",
       "{name}请求以{applicant}的家人（{relation}）身份关联{applicant}的申请，关联后可以看到办理进度。"
       "如果您认识这个人，也同意，请确认；如果不认识或不同意，请拒绝。",
       "{name}说是{applicant}的{relation}，想看{applicant}的申请进度。认识就确认。不认识就拒绝。")
define("link.confirm_prompt.entrusted.made_for",
       "{name}请求作为受{applicant}委托的人办理{applicant}的申请，委托到{until}为止。如果确实有这项委托，请确认；"
       "如果没有，请拒绝。",
       "{name}说{applicant}请他帮忙办申请，到{until}为止。是真的就确认。不是就拒绝。")
define("link.unnamed", "一位没有留下姓名的人", "一个没留名字的人")
define("link.unnamed_relation", "关系没有说明", "没说是什么关系")
for _value, (_standard, _easy) in {
        "parent": ("父母", "爸爸或妈妈"), "spouse": ("配偶", "丈夫或妻子"), "child": ("子女", "儿子或女儿"),
        "sibling": ("兄弟姐妹", "兄弟姐妹"), "grandparent": ("祖父母、外祖父母", "爷爷奶奶、外公外婆"),
        "grandchild": ("孙子女、外孙子女", "孙子孙女"), "other_relative": ("其他亲属", "其他亲戚"),
        "legal_guardian": ("法定监护人", "监护人"), "entrusted_person": ("受委托人", "被请来帮忙的人")}.items():
    define(f"link.relation.{_value}", _standard, _easy)

# The web page of the QR link (GET /consent in a browser, for someone who scans it with a plain phone camera):
# headings and what the JSON answer says in fields, as a page a screen reader reads in order.
define("consent_page.title", "协办员请您同意：帮您申请两项补贴", "协办员想帮您申请补贴")
define("consent_page.who", "谁请您同意", "是谁")
define("consent_page.name", "姓名", "名字")
define("consent_page.county", "所在区县", "在哪里")
define("consent_page.role", "身份", "做什么的")
define("consent_page.what", "您同意的是什么", "同意什么")
define("consent_page.how_long", "多长时间", "多久")
define("consent_page.how_long_text", "同意后{days}天内有效。您随时可以在小程序里撤销。", "{days}天内有效。随时可以取消。")
define("consent_page.how", "怎样同意", "怎么同意")
define("consent_page.code", "8位数字", "数字")
define("consent_page.code_expires", "这个号码在北京时间{time}前有效。过期了，请协办员再给您一个。",
       "{time}前有效。过了，请再要一个。")
define("consent_page.nothing_agreed", "打开这个页面，不等于同意。", "看这一页，不算同意。")
define("consent_page.easy", "简单说", "简单说")
define("consent_page.unknown.title", "这个二维码用不了了", "二维码用不了")
define("consent_page.unknown.detail",
       "这个二维码可能已经用过，或者已经过了15分钟。没关系，您什么都没有同意。"
       "如果想让协办员帮您，请他（她）再给您看一个新的二维码。",
       "二维码用过了，或者过期了。没关系。想要帮忙，请协办员再给一个。")
define("consent_page.broken.title", "这个链接不完整", "链接不完整")
define("consent_page.broken.detail",
       "链接里的号码不完整。请再扫一次二维码，或者在小程序里输入协办员给您看的8位数字。您什么都没有同意。",
       "号码不完整。请再扫一次。")
define("consent_page.problem_note", "您什么都没有同意。", "您没有同意什么。")
# WeChat subscribe messages: a `thing` keyword holds at most 20 characters (checked by a test for every locale).
# The easy-read form goes to a person who asked for easy-read text first (backend/notifications/wechat.py).
WECHAT_STAGE = {
    "submitted": ("已提交", "已经交了"), "handed_off": ("已送达审核", "已经送给工作人员"), "accepted": ("已受理", "已经收下了"),
    "correction_requested": ("需要补正材料", "要您改一下"), "township_review_passed": ("乡镇初审通过", "乡镇看过了"),
    "federation_review_passed": ("残联审核通过", "残联看过了"), "approved": ("审定通过", "通过了"),
    "rejected": ("未通过", "没有通过"), "public_notice": ("公示中", "名单贴出来了"), "payment_started": ("补贴已开始发放", "开始发钱了"),
    "withdrawn": ("已撤回", "撤回了"),
}
WECHAT_NOTE = {
    "submitted": ("我们会尽快送审", "很快送给工作人员"), "handed_off": ("请耐心等待审核结果", "请等结果"),
    "accepted": ("乡镇正在初审", "乡镇正在看"), "correction_requested": ("请打开小程序补正材料", "请打开小程序改一下"),
    "township_review_passed": ("残联正在审核", "现在残联看"), "federation_review_passed": ("民政部门正在审定", "现在民政局定"),
    "approved": ("公示后开始发放", "名单贴出来后发钱"), "rejected": ("请打开小程序查看原因", "打开小程序看原因"),
    "public_notice": ("公示无异议后发放", "没问题就发钱"), "payment_started": ("补贴按月发放", "每月发钱"),
    "withdrawn": ("再申请请新建一份申请", "再申请要新建一份"),
}
for _event, (_standard, _easy) in WECHAT_STAGE.items():
    define(f"wechat.stage.{_event}", _standard, _easy)
for _event, (_standard, _easy) in WECHAT_NOTE.items():
    define(f"wechat.note.{_event}", _standard, _easy)

# What a person is told when they take over the account a village assistant made for them (POST /me/claim): each
# application already in it, who started or submitted it (by role and office, never by name, as the timeline), when,
# where it stands and what to do now. Seed 004 (政策告知书 三): a village committee may apply on the person's behalf;
# seed 001 item 11: online services must reach people who could not use a smartphone, so once they can, they are
# told what was done for them; seed 003 item 4 and seed 001 item 8: the applicant must know the duty to report
# changes, and here someone else acknowledged the policy notice for them.
define("notification.taken_over_submitted",
       "{helper}在{date}替您提交了申请 {reference}（{subsidies}）。现在的进度：{stage}。{next}",
       "{date}，{helper}帮您交了申请（{subsidies}）。现在：{stage}。{next}")
define("notification.taken_over_draft",
       "{helper}在{date}开始替您填写申请 {reference}（{subsidies}），还没有提交。"
       "您可以打开这份申请接着填写，填好后提交。",
       "{date}，{helper}开始帮您填申请（{subsidies}）。还没有交。您可以接着填，填好再交。")
define("takeover.helper_with_office", "{office}的{role}", "{role}")
define("takeover.next.in_review", "您现在不用做什么。审核有了结果，我们会通知您；您也可以在“我的申请”里查看进度。",
       "您不用做什么。有结果会告诉您。")
define("takeover.next.correction_requested", "审核人员请您补正材料：请打开这份申请，看要补什么，补好后重新提交。",
       "请打开申请看一看要补什么。改好再交。")
define("takeover.next.correct_items", "审核人员请您补正：{items}。请打开这份申请查看原因，补好后重新提交。",
       "要改：{items}。请打开申请看原因。改好再交。")
define("takeover.next.withdrawn_by", "{who}已经撤回了这份申请。您想申请时，可以重新申请。",
       "{who}把申请撤回了。想要时，可以再申请。")
define("takeover.assistant_still_helps", "协办员仍可以帮您办理这份申请；如果不再需要，可以在小程序里取消对协办员的授权。",
       "协办员还能帮您办。不要了，可以在小程序里取消。")
define("takeover.next.decided", "补贴的金额和发放情况，可以在“我的申请”里查看。", "在“我的申请”里能看到发多少钱。")
define("takeover.next.rejected", "请打开这份申请查看没有通过的原因。如果情况有变化，您可以重新申请。",
       "请打开申请看原因。情况变了，可以再申请。")
define("takeover.next.withdrawn", "这份申请已经撤回。您想申请时，可以重新申请。", "申请撤回了。想要时，可以再申请。")
# The changes named are those of the notice (accessibility/messages.py conversation.ask.policy_notice): seed 003
# item 四, the certificate frozen or cancelled (seed 004 附件1 四) and entering 特困供养 (seed 004 政策告知书 注).
define("takeover.pledge",
       "提交时已替您确认了政策告知书：家里情况有变化（比如残疾等级变了、残疾人证被冻结或注销、不再是低保户、"
       "纳入特困供养、户口迁走）时，请及时告诉户籍所在地的乡镇（街道）。",
       "政策说明已经替您确认了。家里情况变了，请告诉乡镇。残疾人证冻结、注销了，或者领了特困供养，也要说。")
define("claim.taken_over", "您已接手为您建立的账号。账号里有 {count} 份申请，每一份的情况都已发到“消息”里。",
       "账号现在是您的了。里面有{count}份申请。每一份的情况，都在“消息”里。")
define("claim.taken_over_nothing_yet", "您已接手为您建立的账号。账号里还没有申请。",
       "账号现在是您的了。里面还没有申请。")
