"""Everything the conversation says, in its standard and easy-read forms (plain Chinese, the source
language; translations in the Babel catalogs, see docs/translations.md). Imported for its side effect
of registering the messages; `scripts/catalog.py` imports it too.

Easy-read forms follow REFERENCE.md's plain-language guidance: one idea per sentence, common words,
numbers as digits, sentences of about 20 characters at most. The corrections name exactly what was
wrong and what to do, kindly: never "输入错误"."""

from backend.messages.catalog import define

# --- framing ---------------------------------------------------------------------------------------
define("conversation.progress", "第{step}步，共{total}步。", "第{step}步，共{total}步。")
define("conversation.date", "{year}年{month}月{day}日", "{year}年{month}月{day}日")
define("conversation.whose.self", "您的", "您的")
define("conversation.whose.applicant", "申请人的", "申请人的")
define("conversation.who.self", "您", "您")
define("conversation.who.applicant", "申请人", "申请人")
define("conversation.with_choices", "{question}请选择：{choices}。", "{question}请选：{choices}。")
define("conversation.choice", "{number}. {choice}", "{number}. {choice}")
define("conversation.yes", "是", "是")
define("conversation.no", "不是", "不是")
define("conversation.label.finished", "申请已提交", "已经交了")
define("conversation.label.summary", "核对填写的内容", "看看填得对不对")
define("conversation.stage_now", "现在的进度：{stage}。", "现在：{stage}。")
define("conversation.finished",
       "您的申请已经提交，申请编号是{reference}。审核的进度可以在“我的申请”里查看，有变化时我们也会告诉您。",
       "申请交好了。编号是{reference}。有结果会告诉您。")
# In a chat there is no “我的申请” page: the chat itself answers “查进度” (accessibility/chat).
define("conversation.finished.chat",
       "您的申请已经提交，申请编号是{reference}。想知道审核到哪一步了，随时发“查进度”给我。",
       "申请交好了。编号是{reference}。想知道进度，就发“查进度”。")

# --- who applies, and for what ---------------------------------------------------------------------
# Started again while an application is not finished (accessibility/conversation/service.py): that one goes on.
define("conversation.resumed_unfinished",
       "您有一份没填完的申请，编号是{reference}。我们接着上次的地方填，填过的都还在。",
       "您有一份申请还没填完。编号是{reference}。我们接着填。")
define("conversation.resumed_unfinished.no_number", "您上次的申请还没填完，我们接着上次的地方填。",
       "上次的申请还没填完。我们接着填。")
define("conversation.greeting_again", "好的，我们一步一步来，先说第一个问题。", "好的。先答第一个问题。")
define("conversation.ask.applying_as", "您好，我来帮您申请残疾人两项补贴。请问您是为自己申请，还是替别人申请？",
       "您好。我帮您申请补贴。您是给自己申请吗？")
define("conversation.choose.for_whom", "您是替谁申请？请告诉我您是申请人的监护人或家人，还是受申请人委托来办理。",
       "您是替家人办，还是别人请您办？")
for _value, (_standard, _easy) in {
        "self": ("为自己申请", "给自己申请"),
        "guardian": ("我是申请人的监护人或家人", "我是他的家人"),
        "entrusted": ("我受申请人委托来办理", "别人请我帮他办"),
        "village_committee": ("村（居）委会代为申请", "村委会帮着办"),
        "institution": ("儿童福利机构代为申请", "福利院帮着办")}.items():
    define(f"conversation.applying_as.{_value}", _standard, _easy)
define("conversation.confirm.applying_as", "申请方式是：{value}，对吗？", "{value}。对吗？")
define("conversation.ask.subsidies",
       "您要申请哪一项补贴？困难残疾人生活补贴，给家里有低保的残疾人；重度残疾人护理补贴，给残疾等级一级、二级的人。两项可以一起申请。",
       "您要申请哪一项？生活补贴给有低保的人。护理补贴给一级、二级的人。可以两项都要。")
define("conversation.subsidies.both", "两项都申请", "两项都要")
define("conversation.confirm.subsidies", "您申请的是：{value}，对吗？", "您要申请{value}。对吗？")

# --- consents (PIPL art. 14, 23 and 29: each purpose on its own, in plain words) ----------------------
define("conversation.ask.consent.personal_information",
       "为了办理补贴，我们需要保存申请人的姓名、住址和电话，只用于这次申请。您同意吗？",
       "我们要记下姓名、住址和电话。只用来办补贴。您同意吗？")
define("conversation.ask.consent.sensitive_personal_information",
       "我们还需要保存身份证号码、残疾情况、低保情况和证件照片。这些是敏感个人信息，会加密保存，只用于审核补贴。您同意吗？",
       "还要记下身份证号和残疾情况。也要存证件照片。这些会锁好。只用来办补贴。您同意吗？")
define("conversation.ask.consent.provide_to_review_authorities",
       "提交后，申请要交给乡镇（街道）、残联和民政部门审核。您同意把申请交给他们吗？",
       "申请要交给乡镇、残联和民政局看。您同意吗？")
define("conversation.consent_given", "谢谢您的同意。", "谢谢您。")
define("conversation.consent_refused.personal_information",
       "没关系。不过没有这些信息，我们没法在网上帮您申请。您也可以到村（居）委会或乡镇（街道）办理。如果改变主意，请说“同意”。",
       "没关系。不同意就不能在网上办。您可以去村委会办。想好了可以说“同意”。")
define("conversation.consent_refused.sensitive_personal_information",
       "没关系。不过审核补贴必须看身份证号码和残疾情况，不同意就没法在网上申请。您也可以到村（居）委会或乡镇（街道）办理。如果改变主意，请说“同意”。",
       "没关系。不同意就不能在网上办。您可以去村委会办。想好了可以说“同意”。")
define("conversation.consent_refused.provide_to_review_authorities",
       "没关系。不过补贴要由乡镇（街道）、残联和民政部门审核，不交给他们就没法办理。您可以先填写，提交前再决定。如果改变主意，请说“同意”。",
       "没关系。不给他们看就办不了。想好了可以说“同意”。")
define("conversation.consent_needed", "保存这一项之前，需要先得到您的同意。", "要先问您同不同意。")

# --- photos -----------------------------------------------------------------------------------------
define("conversation.ask.material", "请拍一张{kind}发给我。", "请拍{kind}发给我。")
define("conversation.ask.material.id_card_front",
       "请拍一张身份证有照片的那一面发给我。把证件放平，光线亮一些，四个角都要拍到。没有身份证的，可以说“户口本”。",
       "请拍身份证有照片的一面。放平拍。要拍全。没有身份证，请说“户口本”。")
define("conversation.ask.material.id_card_back", "请再拍一张身份证有国徽的那一面。", "请再拍身份证有国徽的一面。")
define("conversation.ask.material.household_register",
       "请拍一张户口本上申请人那一页，要能看清姓名和身份证号码。", "请拍户口本上申请人的那一页。")
define("conversation.ask.material.disability_certificate",
       "请拍一张残疾人证有照片和证号的那一页。我们会从照片上读出证号、类别和等级，您只要确认就行。",
       "请拍残疾人证有照片的一页。我们会帮您看上面的字。")
define("conversation.ask.material.dibao_proof", "请拍一张低保证（或低保边缘家庭的证明）。", "请拍低保证。")
define("conversation.ask.material.guardianship_proof",
       "请拍一张能证明您是申请人监护人的材料，比如户口本上的关系页或监护证明。", "请拍能证明您是监护人的东西。")
define("conversation.ask.material.authorisation_letter", "请拍一张申请人签字的委托书。", "请拍申请人签了字的委托书。")
define("conversation.ask.material.consent_record", "请拍一张申请人同意代为申请的同意书。", "请拍申请人的同意书。")
define("conversation.photo_received", "收到了{kind}，已经保存。", "照片收到了。")
# The photo's reading (OCR, a background job) found it is not the document asked for (conversation/photos.py).
define("conversation.photo_not_the_document.document_not_found",
       "您当作{kind}发来的照片里，没有找到完整的证件，所以没有算进申请里。拍的时候把证件放平，光线亮一些，四个角都拍进去。",
       "拍{kind}的照片里，没看到证件。请放平拍，要拍全。")
# The reading found no document and the photo is dark (backend/prefill/reading.py `photo_too_dark`): light is
# what to change, not how the card lies.
define("conversation.photo_not_the_document.too_dark",
       "您当作{kind}发来的照片太暗了，看不清证件，所以没有算进申请里。请到亮一些的地方，或者开灯，再拍一张。",
       "拍{kind}的照片太暗了。请到亮的地方再拍。")
define("conversation.photo_not_the_document.kind_mismatch",
       "您当作{kind}发来的照片，看起来是{detected}，所以没有算进申请里。",
       "拍{kind}的照片，拍成了{detected}。")
# The photo is kept, but its reading left a field unread and the photo shows why (ocr/preprocess/retake.py): a
# better one is asked for once (conversation/photos.py). A blind person cannot see that it is dark or glared.
define("conversation.photo_could_be_better.photo_dark",
       "您发来的{kind}有点暗，有些字没看清。请到亮一些的地方，或者开灯，再拍一张发来。不想重拍，就说“不拍了”，我们用这一张。",
       "{kind}有点暗。请到亮的地方再拍一张。不想拍，就说“不拍了”。")
define("conversation.photo_could_be_better.photo_glare",
       "您发来的{kind}上有反光，有些字没看清。请换个角度，避开灯光，再拍一张发来。不想重拍，就说“不拍了”，我们用这一张。",
       "{kind}有反光。请换个角度再拍一张。不想拍，就说“不拍了”。")
define("conversation.photo_could_be_better.photo_blurred",
       "您发来的{kind}里的字不够清楚。请把手机靠近证件，拿稳了，再拍一张发来。不想重拍，就说“不拍了”，我们用这一张。",
       "{kind}里的字不清楚。请靠近些，拿稳了再拍一张。不想拍，就说“不拍了”。")
define("conversation.photo_kept", "好的，就用您发来的这张{kind}。", "好的。就用这张。")
define("conversation.photo_instead", "好的，那就拍{kind}。", "好的。那就拍{kind}。")
define("conversation.photo_not_asked", "谢谢您的照片。不过现在还用不上，我们先回答下面这个问题。",
       "照片现在还用不上。先回答这个问题。")

# --- fields -----------------------------------------------------------------------------------------
define("conversation.ask.field", "请告诉我{whose}{field}。", "请说{whose}{field}。")
define("conversation.ask.applicant.name", "请说出{whose}姓名，和身份证上的一样。", "{whose}名字叫什么？")
define("conversation.ask.applicant.id_number",
       "请说出{whose}身份证号码，一共18位，可以一位一位地说。", "{whose}身份证号是多少？一共18位。")
define("conversation.ask.applicant.hukou_region", "{whose}户口在哪个区或县？比如“重庆市武隆区”。",
       "{whose}户口在哪个区县？")
define("conversation.ask.applicant.address", "{who}现在住在哪里？请说到门牌号，比如“某某村3组12号”。",
       "{who}家住在哪里？")
define("conversation.ask.applicant.phone", "请说{whose}电话号码，手机或者带区号的座机都可以。",
       "{whose}电话号码是多少？")
define("conversation.ask.certificate.category", "残疾人证上写的残疾类别是哪一类？", "残疾人证上是哪一类残疾？")
define("conversation.ask.certificate.grade", "残疾人证上写的残疾等级是几级？", "残疾人证上写的是几级？")
define("conversation.ask.certificate.number",
       "请说出残疾人证号，一共20位：前18位是身份证号码，后面2位是类别和等级。", "请说残疾人证号。一共20位。")
define("conversation.ask.certificate.issue_date", "残疾人证是哪天发的？请说发证日期，比如“2019年6月10日”。",
       "残疾人证是哪天发的？")
define("conversation.ask.certificate.valid_until", "残疾人证有效期到哪一天？比如“2029年6月10日”。",
       "残疾人证用到哪一天？")
define("conversation.ask.household.status", "{who}家是低保户，还是低保边缘户？都不是的话，请说“都不是”。",
       "{who}家有低保吗？")
define("conversation.ask.proxy.relation", "您是申请人的什么人？", "您和申请人是什么关系？")
define("conversation.ask.proxy.name", "请说出您自己的姓名。", "您叫什么名字？")
define("conversation.ask.proxy.id_number", "请说出您自己的身份证号码，一共18位。", "您的身份证号是多少？")
define("conversation.ask.proxy.phone", "请说一个能找到您的电话号码。", "您的电话是多少？")
# What a known value is, said to the person it belongs to ("您的姓名是王芳，对吗？").
for _path, (_standard, _easy) in {
        "applicant.name": ("{whose}姓名", "{whose}名字"), "applicant.id_number": ("{whose}身份证号码", "{whose}身份证号"),
        "applicant.hukou_region": ("{whose}户口所在的区县", "{whose}户口"), "applicant.address": ("{whose}住址", "{whose}住址"),
        "applicant.phone": ("{whose}电话号码", "{whose}电话"), "certificate.category": ("{whose}残疾类别", "{whose}残疾类别"),
        "certificate.grade": ("{whose}残疾等级", "{whose}残疾等级"), "certificate.number": ("{whose}残疾人证号", "{whose}证号"),
        "certificate.issue_date": ("残疾人证的发证日期", "发证的日子"), "certificate.valid_until": ("残疾人证的有效期", "证的到期日"),
        "household.status": ("{whose}低保情况", "{whose}低保情况"), "proxy.relation": ("您和申请人的关系", "您和申请人的关系"),
        "proxy.name": ("您的姓名", "您的名字"), "proxy.id_number": ("您的身份证号码", "您的身份证号"),
        "proxy.phone": ("您的电话号码", "您的电话")}.items():
    define(f"conversation.about.{_path}", _standard, _easy)
define("conversation.confirm.known", "{field}是{value}，对吗？", "{field}是{value}。对吗？")
define("conversation.confirm.photo", "从照片上看，{field}是{value}，对吗？", "照片上写的是{value}。对吗？")
define("conversation.confirm.id_number", "按身份证号码看，户口应该在{value}，对吗？", "户口在{value}吗？")
define("conversation.read_back", "我听到的{field}是：{value}。对吗？", "我听到的是{value}。对吗？")
define("conversation.tell_me_instead", "好的，请告诉我正确的{field}。", "好的。请说对的{field}。")
define("conversation.saved", "已记下{field}：{value}。", "记好了：{value}。")
# An expired certificate (seed 001, item 13: the subsidy stops the month after it expires; with a new
# certificate it counts from the month the new one is issued).
define("conversation.certificate_expired",
       "这本残疾人证在{date}已经到期了。日期先帮您记下，您可以接着填。请到户口所在地的县（区）残联换领新证；换了新证，补贴从新证发证的那个月开始算。换好后请说“改有效期”，把新证的日期告诉我们。",
       "您的残疾人证过期了。日期记下了。请去残联换新证。换好了再告诉我们。")
define("conversation.certificate_number_filled",
       "残疾人证号就是身份证号码加上类别和等级，已经帮您填好：{value}。", "残疾人证号已经帮您填好了。")
define("conversation.choose.default", "{field}有几种可能，是哪一个？", "是哪一个？")
define("conversation.choose.severity_word", "重度残疾是一级或二级。残疾人证上写的是一级，还是二级？",
       "重度是一级或二级。证上写的是几级？")
define("conversation.choose.several_grades", "您说了不止一个等级。残疾人证上写的是哪一级？", "证上写的是哪一级？")
define("conversation.choose.several_categories",
       "您说了几种残疾。残疾人证上写的是哪一类？有两种以上的，证上写的是“多重残疾”。", "证上写的是哪一类？")
define("conversation.choose.two_digit_year_century", "您说的年份只有两位数。是哪一年？", "是哪一年？")
define("conversation.choose.several_dates", "您说了几个日期。{field}是哪一个？", "是哪一天？")
define("conversation.choose.several_choices", "您说了几个。是哪一个？", "是哪一个？")
define("conversation.choose.several_counties", "有几个区县叫这个名字。是哪一个？", "是哪一个区县？")
# Where they apply from: 跨省通办 when it is another province than the hukou's (seed 001 item 7: the
# application goes to the hukou county's office, which decides within 10 working days).
define("conversation.ask.lives_where_hukou_is", "{who}现在住在户口所在地吗？", "{who}现在住在户口所在地吗？")
define("conversation.ask.lives_where_hukou_is.known", "{who}的户口在{hukou}。{who}现在住在户口所在地吗？",
       "{who}现在住在户口所在地吗？")
define("conversation.ask.applied_from_region",
       "{who}现在在哪个区县申请？请说区县的名字，比如“山西省太原市小店区”。不知道可以说“不知道”，这一项可以不填。",
       "{who}现在在哪个区县？不知道就说“不知道”。")
define("conversation.applied_from.hukou_place", "好的，就在户口所在地申请。", "好的。")
define("conversation.applied_from.not_said", "没关系，这一项可以不填。申请会交给户口所在地审核。", "没关系。这个可以不填。")
define("conversation.applied_from.cross_province",
       "在{here}申请、户口在{hukou}，这是跨省通办：不用回户口所在地跑，申请会在网上交给户口所在地的民政部门审核，"
       "他们在10个工作日内认定，有结果会告诉您。",
       "在外省申请也能办。申请会交给户口所在地的工作人员。不用回去跑。")
define("conversation.applied_from.summary.hukou_place", "在户口所在地申请", "在户口所在地")
define("conversation.applied_from.summary.not_said", "没有说（可以不填）", "没说（可以不填）")
define("conversation.summary.cross_province",
       "在{here}申请、户口在{hukou}，属于跨省通办：申请会交给户口所在地的民政部门审核。",
       "这是跨省通办。申请交给户口所在地的工作人员。")
define("conversation.ask.other_benefits",
       "{who}现在有没有领下面这些补贴或待遇？可以说几项，比如“1和8”。", "{who}还在领这些钱吗？可以说几项。")
define("conversation.confirm.other_benefits", "{who}现在领的其他补贴是：{benefits}，对吗？", "{who}在领{benefits}。对吗？")
define("conversation.benefits.none", "都没有", "都没有")
# What a listed benefit that the region's choose-the-higher rule weighs pays a month (seed 004, 政策告知书 注:
# "可择高享受"), and whether a child in institution care is a 事实无人抚养儿童, whose nursing subsidy then goes
# to the institution (seed 003 item 四). Seed 003 names such children without defining them; the
# explanation follows the national definition (民政部等12部门《关于进一步加强事实无人抚养儿童保障工作的意见》,
# 民发〔2019〕62号: both parents severely disabled, seriously ill, imprisoned, in compulsory drug
# rehabilitation, otherwise deprived of liberty, or out of contact; or one parent dead or missing and the
# other in one of those situations).
define("conversation.ask.benefit_amount",
       "{who}领的{benefit}，每个月领多少钱？有的补贴和残疾人补贴只能选钱多的一样，知道钱数才能比。请说多少元，比如“300元”。"
       "不知道可以说“不知道”。",
       "{benefit}每个月领多少钱？比如说“300元”。不知道就说“不知道”。")
define("conversation.label.benefit_amount", "{benefit}每月金额", "{benefit}每月多少钱")
define("conversation.benefit_amount.value", "{amount}元", "{amount}元")
define("conversation.benefit_amount.saved", "已记下：{benefit}每月{amount}元。", "记下了：每月{amount}元。")
define("conversation.benefit_amount.not_known",
       "没关系。不知道{benefit}每个月领多少钱，能不能领残疾人补贴，就由工作人员比较后确定。以后知道了，可以在最后核对时改。",
       "没关系。工作人员会帮您比。")
define("conversation.ask.de_facto_unsupported_child",
       "{who}是不是“事实无人抚养儿童”？就是父母都不能抚养孩子：比如父母都重残、重病、服刑或者失联，"
       "或者一方去世、失踪，另一方也是这样。",
       "孩子的爸爸妈妈都不能养孩子吗？比如去世了、失联了、坐牢了、重病重残。")
define("conversation.de_facto.saved.yes", "已记下：是事实无人抚养儿童。", "记下了：是。")
define("conversation.de_facto.saved.no", "已记下：不是事实无人抚养儿童。", "记下了：不是。")
define("conversation.de_facto.not_known",
       "没关系。护理补贴发给孩子的家里还是儿童福利机构，由工作人员核实后确定。", "没关系。工作人员会问清楚。")

for _value, (_standard, _easy) in {
        "parent": ("父母", "爸爸或妈妈"), "spouse": ("配偶", "丈夫或妻子"), "child": ("子女", "儿子或女儿"),
        "sibling": ("兄弟姐妹", "兄弟姐妹"), "grandparent": ("祖父母、外祖父母", "爷爷奶奶、外公外婆"),
        "grandchild": ("孙子女、外孙子女", "孙子孙女"), "other_relative": ("其他亲属", "其他亲戚"),
        "legal_guardian": ("法定监护人", "监护人"), "entrusted_person": ("受委托人", "被请来帮忙的人"),
        "village_committee": ("村（居）委会", "村委会"), "institution": ("儿童福利机构", "福利院")}.items():
    define(f"conversation.relation.{_value}", _standard, _easy)

# --- the policy notice (seed 003 item 4, seed 004 附件2 and its 四, seed 001 item 11) -------------------
# The changes to report: seed 003 item 四's list, the certificate frozen or cancelled (seed 004 附件1 四: 残疾人证
# 冻结、注销 → 次月停发) and entering 特困供养 (seed 004 政策告知书 注: 纳入特困供养保障的不享受两项补贴).
define("conversation.ask.policy_notice",
       "请您了解：领补贴期间，如果申请人去世、户口迁走、被判刑服刑、残疾等级变了、残疾人证被冻结或注销、退出低保或低保边缘、"
       "开始领工伤保险生活护理费，或者纳入特困人员救助供养，要主动告诉村（居）委会或乡镇（街道），不再符合条件的从下个月起停发。"
       "申请时要如实填写。您在这里确认，就等于签字。您知道了吗？",
       "领补贴时，情况变了要马上说。比如搬走了、退出低保了、等级变了。残疾人证被冻结、注销了，也要说。领了特困供养，也要说。"
       "不符合了就停发。要说真话。您知道了吗？")
define("conversation.notice_acknowledged", "好的，已经确认。", "好的。")
define("conversation.notice_not_acknowledged",
       "这些是领补贴的人要做到的事，确认后才能提交申请。有不明白的地方，可以说“帮助”，也可以说“人工”找工作人员问。",
       "要确认才能交申请。不明白可以说“帮助”。")

# --- the summary ("check your answers", WCAG 3.3.4) ----------------------------------------------------
define("conversation.summary.intro", "请核对您填写的内容：", "请看看填得对不对：")
define("conversation.summary.line", "{number}. {field}：{value}", "{number}. {field}：{value}")
define("conversation.summary.not_filled", "还没有填", "还没填")
define("conversation.summary.photos", "已上传照片{count}张。", "照片有{count}张。")
define("conversation.summary.eligibility", "{subsidy}：{outcome}，每月{amount}元。", "{subsidy}：{outcome}。每月{amount}元。")
define("conversation.summary.not_eligible_because", "主要原因：{reason}", "因为：{reason}")
define("conversation.summary.eligibility_no_amount", "{subsidy}：{outcome}，金额以当地标准为准。", "{subsidy}：{outcome}。")
define("conversation.summary.benefits_unanswered",
       "第{number}项“{field}”还没有填。有的补贴不能和残疾人两项补贴一起领，所以上面的结果可能会变。请说“继续”来回答这一项。",
       "第{number}项还没填。结果可能会变。请说“继续”。")
define("conversation.summary.not_known", "不知道（由工作人员核实）", "不知道（工作人员会问清楚）")
define("conversation.summary.amount_not_known",
       "因为不知道{benefit}每个月领多少钱（第{number}项），上面的结果要由工作人员比较两边的钱数后确定。"
       "知道了可以说“改第{number}项”。",
       "不知道{benefit}领多少钱。工作人员会比一比再定。")
define("conversation.summary.de_facto_not_known",
       "因为不知道是不是事实无人抚养儿童（第{number}项），护理补贴发给谁，要由工作人员核实后确定。"
       "知道了可以说“改第{number}项”。",
       "护理补贴发给谁，工作人员会问清楚。")
define("conversation.summary.missing", "还缺这些：{items}。请说“继续”，我们接着填。", "还缺：{items}。请说“继续”。")
define("conversation.summary.question",
       "都对的话，请说“提交”。要改哪一项，请说“改第几项”，比如“改第3项”。",
       "都对就说“提交”。要改就说“改第几项”。")
# A photo that reads a field otherwise than typed (seen by the pre-fill): said in the summary, and asked about
# at 提交, one field at a time; nothing typed is changed unless the person says so (issue 5, item 4).
define("conversation.summary.photo_differs.intro", "请注意，证件照片上看到的和您说的有不一样的地方：",
       "请注意，照片上和您说的不一样：")
define("conversation.summary.photo_differs", "{field}：您说的是{typed}，证件照片上像是{photo}。",
       "{field}：您说{typed}，照片上像是{photo}。")
define("conversation.summary.photo_differs.what_to_do",
       "请再看一下证件，或者请家人帮您看一下。要改，请说“改第几项”；您说的没错，提交时我会再问您一次。",
       "请再看看证件。要改就说“改第几项”。没错的话，提交时我再问您。")
define("conversation.photo_differs.ask",
       "提交之前，请先确认{field}：您说的是{typed}，证件照片上像是{photo}。哪个对？"
       "说“我说的对”，就按您说的；说“照片对”，就改成照片上的；说“改”，就重新告诉我。",
       "先确认{field}。您说{typed}。照片上像是{photo}。哪个对？请说“我说的对”，或“照片对”，或“改”。")
define("conversation.photo_differs.choice.typed", "我说的对", "我说的对")
define("conversation.photo_differs.choice.photo", "照片上的对", "照片对")
define("conversation.photo_differs.choice.change", "都不对，要改", "要改")
define("conversation.photo_differs.kept", "好的，{field}按您说的：{value}。", "好的。{field}是{value}。")
define("conversation.photo_differs.check_again", "已经按照片改好了。请再核对一遍，都对的话说“提交”。",
       "按照片改好了。请再看一遍。")
define("conversation.summary.choice.submit", "提交申请", "提交")
define("conversation.summary.choice.change", "有要改的", "要改")
define("conversation.summary.choice.continue", "继续填写", "接着填")
define("conversation.change_which", "要改哪一项？请说“改第几项”，或者说要改的内容，比如“改电话”。",
       "要改哪一项？比如说“改电话”。")
define("conversation.correction_requested",
       "审核人员请您补正材料，原因是：{reason}。我们只看需要补正的几项，其他的不用动。",
       "要改几个地方。原因：{reason}。只改这几项。")
define("conversation.change_item_at_summary",
       "“第几项”的编号在最后核对的时候才有。现在要改什么，请直接说要改的内容，比如“改电话”。",
       "现在没有编号。请说要改什么，比如“改电话”。")
define("conversation.change_not_here", "{field}在这里不能改。您可以在申请表里修改，或者说“人工”找工作人员。",
       "{field}这里改不了。")
define("conversation.change_now", "好的，我们来改{field}。", "好的。来改{field}。")
define("conversation.fill_the_rest", "还有几项没有填好，我们接着填。", "还有几项没填。我们接着填。")
define("conversation.nothing_missing", "都填好了，可以提交了。", "都填好了。")
define("conversation.submitted", "申请提交好了。{warnings}", "申请交好了。{warnings}")
define("conversation.already_submitted", "这份申请已经提交了，不用再填。", "申请已经交了。")

# --- commands ---------------------------------------------------------------------------------------
define("conversation.hint.text", "直接说或者打字都可以。", "说话或打字都行。")
define("conversation.hint.date", "日期可以这样说：2019年6月10日，或者 2019.6.10。", "比如说：2019年6月10日。")
define("conversation.hint.yes_no", "请回答“是”或者“不是”。", "请说“是”或“不是”。")
define("conversation.hint.choice", "可以说选项的数字，也可以说选项的名字。", "说数字或名字都行。")
define("conversation.hint.number", "说数字就行，比如“300”或者“三百块”。", "说数字。比如“300”。")
define("conversation.hint.photo", "拍照时把证件放平，光线亮一些，四个角都拍进去。", "放平拍。要拍全。")
define("conversation.hint.applicant.id_number", "可以一位一位地说，最后一位是X的，说“叉”或者“X”。", "可以一位一位说。")
define("conversation.hint.proxy.id_number", "可以一位一位地说，最后一位是X的，说“叉”或者“X”。", "可以一位一位说。")
define("conversation.hint.commands",
       "随时可以说：“再说一遍”、“上一步”、“帮助”、“不知道”，或者“人工”找工作人员。",
       "可以说“再说一遍”。可以说“帮助”。")
define("conversation.hint.commands_skippable",
       "随时可以说：“再说一遍”、“上一步”、“跳过”、“帮助”、“不知道”，或者“人工”找工作人员。",
       "可以说“再说一遍”。可以说“跳过”。")
define("conversation.repeat", "好的，再说一遍。", "好的。再说一遍。")
define("conversation.skipped", "好的，这一项先跳过，最后再填。", "好的。这个等会儿再填。")
define("conversation.cannot_skip.setup", "这一项要先回答，才能开始申请。", "这个要先回答。")
define("conversation.cannot_skip.consent", "没有您的同意，我们不能保存您的信息，所以这一项不能跳过。", "这个不能跳过。要先问您同不同意。")
define("conversation.cannot_skip.notice", "确认政策告知后才能提交申请，所以这一项不能跳过。", "这个不能跳过。")
define("conversation.cannot_skip.summary", "这是最后一步了。请说“提交”，或者说要改哪一项。", "这是最后一步了。")
define("conversation.no_previous_step", "这已经是第一个问题了。", "前面没有了。")
define("conversation.moved_on",
       "这个问题已经在别的地方回答过了，我们接着往下。", "这个问题已经答过了。我们往下走。")
define("conversation.changed_elsewhere",
       "申请刚刚在别的手机上改过了，您这次的回答没有保存。请再回答一次。", "申请刚在别处改过。请再答一次。")
define("conversation.conflict.default", "现在不能修改这份申请。", "现在不能改。")
define("conversation.conflict.not_editable", "申请已经提交，正在审核中，现在不能修改。", "申请已经交了。现在不能改。")

define("conversation.help.default",
       "我一次只问一个问题。您可以打字，也可以说话。听不清可以说“再说一遍”；说错了可以说“上一步”；不想现在填可以说“跳过”；需要人帮忙请说“人工”。您填的内容都会马上保存。",
       "我一次问一个问题。可以说话，也可以打字。说错了，就说“上一步”。要人帮忙，就说“人工”。填的都会保存。")
define("conversation.help.applying_as",
       "如果是您自己领补贴，请说“自己”。如果您是替家里人申请，请说“家人”。如果是别人请您帮忙办，请说“委托”。",
       "自己领，就说“自己”。替家人办，就说“家人”。")
define("conversation.help.subsidies",
       "生活补贴给家里纳入低保的残疾人；护理补贴给残疾等级一级、二级的人，有的地方也给三、四级智力或精神残疾的人。不确定的话，可以两项都申请，审核时会按您的情况判断。",
       "家里有低保，可以要生活补贴。一级、二级，可以要护理补贴。不知道就两项都要。")
define("conversation.help.applicant.id_number",
       "身份证号码在身份证有照片那一面的最下面，一共18位。可以一位一位地说，比如“五零零二……”。", "身份证号在有照片那面的最下面。一共18位。")
define("conversation.help.applicant.hukou_region",
       "户口在哪个区或县，可以看户口本第一页的“住址”。只要说到区或县就行，比如“武隆区”。", "看户口本第一页。说到区县就行。")
define("conversation.help.applied_from_region",
       "如果现在住的地方和户口不在一个区县，比如在外地打工、跟着子女住，请说“不是”，再说现在在哪个区县。"
       "在外省也能申请（跨省通办），申请会交给户口所在地审核。不知道可以说“不知道”，这一项可以不填。",
       "住的地方和户口不一样，就说“不是”。在外省也能申请。")
define("conversation.help.certificate.category",
       "残疾类别写在残疾人证上，一共7类：视力、听力、言语、肢体、智力、精神、多重。可以说类别的名字，也可以说数字。",
       "残疾人证上写着类别。比如肢体残疾。")
define("conversation.help.certificate.grade",
       "残疾等级写在残疾人证上，分一级到四级，一级最重。可以说“一级”，也可以只说“1”。", "证上写着等级。一级到四级。")
define("conversation.help.certificate.number",
       "残疾人证号在残疾人证上，一共20位：前18位就是身份证号码，第19位是类别，第20位是等级。", "证号在残疾人证上。一共20位。")
define("conversation.help.certificate.issue_date", "发证日期写在残疾人证上，写着“发证日期”。", "证上写着发证日期。")
define("conversation.help.certificate.valid_until",
       "有效期写在残疾人证上。有的证只写“有效期十年”，那就是发证日期往后十年的那一天。", "证上写着有效期。")
define("conversation.help.household.status",
       "低保户有低保证。低保边缘户是收入比低保稍高一点、由民政部门认定的困难家庭。都不是就说“都不是”。",
       "有低保证，就是低保户。都不是，就说“都不是”。")
define("conversation.help.material.identity", "需要身份证的两面。没有身份证的，可以说“户口本”，改拍户口本。",
       "要拍身份证两面。也可以拍户口本。")
define("conversation.help.material.disability_certificate", "需要残疾人证有照片和证号的那一页。", "要拍残疾人证。")
define("conversation.help.consent",
       "同意后，我们只为办理这次补贴使用这些信息，并会加密保存。不同意也可以到村（居）委会或乡镇（街道）办理。",
       "同意了，我们才能帮您办。信息只用来办补贴。")
define("conversation.help.benefits",
       "有的补贴不能和残疾人两项补贴一起领，有的要选金额高的一项。请如实说，没有就说“没有”。", "没有就说“没有”。")
define("conversation.help.benefit_amount",
       "有的补贴和残疾人补贴只能领一样，选钱多的那一样。告诉我们这项补贴每个月领多少钱，就能算出哪样多。"
       "钱数可以看存折或者银行的短信。不知道可以说“不知道”，工作人员会帮您核实。",
       "告诉我们每月领多少钱。我们帮您比。")
define("conversation.help.de_facto",
       "事实无人抚养儿童，是父母都不能抚养的孩子：父母两个人都重残、重病、服刑、强制戒毒、被限制人身自由或者失联；"
       "或者一个去世、失踪，另一个是这些情况之一。在儿童福利机构集中养育的这类孩子，护理补贴发给机构，用来照顾孩子。",
       "就是爸爸妈妈都不能养的孩子。住在福利院的，补贴发给福利院。")
define("conversation.help.notice", "这段话说的是领补贴以后要做到的事。确认后才能提交。", "这是领补贴以后要做的事。")
define("conversation.help.summary",
       "这里列出了您填的所有内容。都对就说“提交”；哪一项不对，就说“改第几项”。", "都对就说“提交”。不对就说“改第几项”。")

define("conversation.dont_know.default",
       "没关系。这一项可以先跳过，以后再填：请说“跳过”。也可以请家人或村（居）委会的工作人员帮您看，或者说“人工”。",
       "没关系。可以说“跳过”。也可以请家人帮忙。")
define("conversation.dont_know.not_skippable",
       "没关系。可以请家人或村（居）委会的工作人员帮您，或者说“人工”找工作人员。", "没关系。可以请家人帮忙。")
define("conversation.dont_know.confirm",
       "没关系。可以请家人或村（居）委会的工作人员帮您对照证件看一下，或者先说“跳过”。",
       "没关系。可以请家人帮您看。也可以先说“跳过”。")
define("conversation.dont_know.subsidies",
       "不确定的话，可以两项都申请，审核时会按您的情况判断。请说“两项都申请”。", "不知道就两项都要。请说“两项”。")
define("conversation.dont_know.certificate.grade",
       "没关系。残疾等级写在残疾人证上。您可以拍一张残疾人证的照片发给我们，我们帮您看；也可以请家人或村（居）委会的工作人员帮您看。现在可以先说“跳过”。",
       "没关系。等级写在残疾人证上。可以请家人帮您看。也可以先说“跳过”。")
define("conversation.dont_know.certificate.category",
       "没关系。残疾类别写在残疾人证上。您可以拍一张残疾人证的照片发给我们，我们帮您看；也可以请家人帮您看。现在可以先说“跳过”。",
       "没关系。类别写在残疾人证上。可以请家人帮您看。也可以先说“跳过”。")
define("conversation.dont_know.certificate.number",
       "没关系。证号就是身份证号码加两位数。先把残疾人证的类别和等级告诉我，我就能帮您算出来；或者先说“跳过”。",
       "没关系。可以先说“跳过”。")
define("conversation.dont_know.certificate.issue_date",
       "没关系。发证日期写在残疾人证上，可以请家人帮您看一下，或者先说“跳过”。", "没关系。证上写着。可以先说“跳过”。")
define("conversation.dont_know.certificate.valid_until",
       "没关系。有效期写在残疾人证上，可以请家人帮您看一下，或者先说“跳过”。", "没关系。证上写着。可以先说“跳过”。")
define("conversation.dont_know.applicant.hukou_region",
       "没关系。户口本第一页写着住址，看到区或县就行。也可以先说“跳过”。", "没关系。看户口本第一页。也可以先说“跳过”。")
define("conversation.dont_know.household.status",
       "没关系。可以问问村（居）委会，他们知道您家有没有低保。也可以先说“跳过”。", "没关系。可以问村委会。也可以先说“跳过”。")

define("conversation.human", "需要人帮忙，可以打电话：{contacts}。也可以找村（居）委会的工作人员。您已经填的内容都保存着，随时可以接着填。",
       "要人帮忙，可以打电话：{contacts}。填的都保存着。")
define("conversation.human.contact", "{office} {phone}", "{office} {phone}")
define("conversation.human.no_contacts",
       "需要人帮忙，可以找村（居）委会，或者到户口所在地的乡镇（街道）民政窗口。您已经填的内容都保存着，随时可以接着填。",
       "要人帮忙，可以去村委会。填的都保存着。")
define("conversation.problem", "这一项需要再看一下。", "这个要再看看。")
define("conversation.refused", "这个回答不能用。", "这个不能用。")

# --- corrections: what was not understood, specifically and kindly (codes of accessibility/answers) ---
NOT_UNDERSTOOD = {
    "empty": ("我没有收到内容，请再说一次。", "没收到。请再说一次。"),
    "yes_no_unclear": ("我没听明白您的意思。请回答“是”或者“不是”。", "请说“是”，或者“不是”。"),
    "choice_unclear": ("我没听明白您选的是哪一个。请说选项前面的数字，比如“1”。", "请说选项的数字。比如“1”。"),
    "relation_unclear": ("我没听明白。请说您是申请人的什么人，比如“女儿”“儿子”“老伴”，也可以说选项前面的数字。",
                         "您是他的什么人？比如说“女儿”。"),
    "choice_number_out_of_range": ("一共只有{count}个选项，您说的是第{number}个。请说1到{count}之间的数字。",
                                   "只有{count}个。请说1到{count}。"),
    "choose_one": ("我没听明白是哪一个。请说前面的数字，一共{count}个。", "请说数字。一共{count}个。"),
    "grade_out_of_range": ("残疾等级只有一级到四级，您说的是{grade}。请再看看残疾人证。", "等级只有一到四级。请再看看。"),
    "grade_unclear": ("我没听出是几级。请说“一级”、“二级”、“三级”或“四级”。", "是几级？比如说“二级”。"),
    "category_out_of_range": ("残疾类别只有1到7类，您说的是{category}。请说类别的名字，比如“肢体残疾”。",
                              "类别只有1到7。请说名字，比如“肢体”。"),
    "looks_like_grade": ("您说的“{grade}级”是残疾等级。这里问的是残疾类别，比如视力、听力、肢体残疾。",
                         "这是等级。这里问类别。比如“肢体”。"),
    "category_unclear": ("我没听出是哪一类残疾。可以说视力、听力、言语、肢体、智力、精神或多重残疾。",
                         "是哪一类？比如说“肢体”。"),
    "lunar_date_given": ("这是农历日期。请说身份证或证件上的公历日期，比如“1980年5月3日”。", "请说公历日子。证件上写的那个。"),
    "long_term_not_allowed": ("这里需要一个具体的日期，比如“2029年6月10日”。", "请说一个日子。比如2029年6月10日。"),
    "no_such_month": ("一年只有12个月，您说的是{month}月。请再说一次。", "没有{month}月。请再说一次。"),
    "no_such_date": ("{year}年{month}月没有{day}日。请再看看证件上的日期。", "没有这一天。请再看看。"),
    "day_missing": ("您说了{year}年{month}月，还差哪一天。请把日子也说上。", "是{month}月几号？"),
    "month_and_day_missing": ("您说了{year}年，还差月份和日子。请说完整，比如“{year}年5月3日”。", "是几月几号？"),
    "year_missing": ("您说了{month}月{day}日，还差哪一年。请把年份也说上。", "是哪一年？"),
    "date_order_unclear": ("请按年、月、日的顺序说日期，比如“1980年5月3日”。", "请先说年，再说月和日。"),
    "date_digits_wrong_length": ("您输入了{length}位数字，不像日期。请这样说：“1980年5月3日”，或者写“19800503”。",
                                 "这不像日子。请说：1980年5月3日。"),
    "date_too_late": ("您说的日期是{date}，还没有到。请再看看证件上的日期。", "这一天还没到。请再看看。"),
    "date_too_early": ("您说的日期是{date}，太早了。请再看看证件上的日期。", "这一天太早了。请再看看。"),
    "date_unclear": ("我没听出是哪一天。请这样说：“1980年5月3日”。", "是哪一天？比如说：1980年5月3日。"),
    "id_wrong_length": ("您输入了{length}位数字，身份证号码是{expected}位。请再核对一下。", "身份证号是{expected}位。您输入了{length}位。"),
    "id_old_format": ("这是15位的老号码。现在的身份证号码是18位，请说新身份证上的号码。", "这是老号码。请说18位的新号码。"),
    "id_bad_characters": ("第{position}位附近的“{character}”不是数字。身份证号码只有数字，最后一位可能是X。",
                          "有个字不是数字。身份证号只有数字和X。"),
    "id_number_words": ("请一位一位地说数字，不要说“{character}”，比如“五零零二”，不说“五千零二”。", "请一个数一个数地说。"),
    "id_x_misplaced": ("X只能在身份证号码的最后一位，您说的X在第{position}位。请再核对一下。", "X只在最后一位。请再看看。"),
    "certificate_wrong_length": ("您输入了{length}位，残疾人证号是{expected}位：身份证号码18位，加上类别和等级各1位。",
                                 "证号是{expected}位。您输入了{length}位。"),
    "certificate_is_id_number": ("这是18位的身份证号码。残疾人证号后面还有两位：类别和等级。", "后面还有两位。请说完。"),
    "certificate_bad_characters": ("第{position}位附近的“{character}”不是数字。残疾人证号只有数字，第18位可能是X。",
                                   "有个字不是数字。请再说一次。"),
    "certificate_number_words": ("请一位一位地说数字，不要说“{character}”。", "请一个数一个数地说。"),
    "certificate_x_misplaced": ("X只能在残疾人证号的第18位，您说的X在第{position}位。", "X只在第18位。请再看看。"),
    "certificate_bad_category_digit": ("残疾人证号的第19位是残疾类别，只能是1到7，您说的是{digit}。请再核对一下。",
                                       "第19位只能是1到7。请再看看。"),
    "certificate_bad_grade_digit": ("残疾人证号的第20位是残疾等级，只能是1到4，您说的是{digit}。请再核对一下。",
                                    "第20位只能是1到4。请再看看。"),
    "phone_wrong_length": ("您输入了{length}位数字，手机号码是{expected}位。请再核对一下。", "手机号是{expected}位。您输入了{length}位。"),
    "phone_missing_area_code": ("这像是座机号码，请在前面加上区号，比如“023”。", "座机号前面要加区号。"),
    "phone_bad_prefix": ("手机号码不会以{prefix}开头。请再核对一下。", "这个号码不对。请再看看。"),
    "phone_bad_characters": ("第{position}位附近的“{character}”不是数字。电话号码只有数字。", "电话号只有数字。请再说一次。"),
    "phone_x_misplaced": ("电话号码里没有X，第{position}位请再核对一下。", "电话号里没有X。"),
    "phone_number_words": ("请一位一位地说电话号码，不要说“{character}”。", "请一个数一个数地说。"),
    "name_has_digits": ("姓名里不会有数字。请说出姓名，和身份证上的一样。", "名字里没有数字。请说名字。"),
    "name_is_a_sentence": ("这句话有{length}个字，不像是姓名。请只说姓名，比如“王芳”。", "请只说名字。"),
    "address_too_short": ("地址太短了，工作人员找不到。请说到村、组或街道和门牌号。", "请说得细一点。要有门牌号。"),
    "county_unclear": ("我没听出是哪个区或县。请说区县的名字，比如“武隆区”。", "是哪个区县？比如说“武隆区”。"),
    "benefit_unclear": ("第{part}项我没听明白。请说补贴的名字或前面的数字；都没有就说“没有”。", "请说数字。没有就说“没有”。"),
    "amount_unclear": ("我没听出是多少钱。请说每个月领多少元，比如“300元”或者“三百块”。", "是多少钱？比如说“300元”。"),
    "amount_per_year": ("这里问的是每个月领多少钱。知道一年的钱数，可以除以12再说；不知道可以说“不知道”。",
                        "请说一个月领多少钱。"),
    "photo_expected": ("这里需要一张{kind}。请拍照发过来；现在拍不了，可以说“跳过”。", "请拍{kind}发过来。"),
    # A better photo asked for (conversation/retake.py): the one sent before is held, and can be kept.
    "better_photo_expected": ("请再拍一张{kind}发过来；想用刚才那一张，就说“不拍了”。",
                              "请再拍一张发过来。不拍了，就说“不拍了”。"),
    "photo_differs_unclear": ("请说“我说的对”，或者“照片对”；都不对的话请说“改”。", "请说“我说的对”或“照片对”。"),
    "summary_unclear": ("都对的话请说“提交”；要改哪一项，请说“改第几项”。", "都对就说“提交”。"),
}
for _code, (_standard, _easy) in NOT_UNDERSTOOD.items():
    define(f"conversation.not_understood.{_code}", _standard, _easy)

# --- preferences (field labels for their errors) ------------------------------------------------------
for _name, (_standard, _easy) in {
        "font_scale": ("字体大小", "字的大小"), "care_mode": ("关怀模式", "关怀模式"), "high_contrast": ("高对比度", "颜色更清楚"),
        "reduced_motion": ("减少动画", "少动画"), "easy_read": ("简明易读", "简单的话"), "speech": ("语音播报", "读出来"),
        "speech_rate": ("语速", "读得快慢"), "extended_time": ("延长时间", "多给时间"), "locale": ("语言", "语言"), "preferred_contact": ("联系方式", "怎么找您")}.items():
    define(f"field.{_name}", _standard, _easy)

# --- problems of the conversation's endpoints ---------------------------------------------------------
PROBLEMS = {
    "conversation_not_found": ("没有找到这段对话", "没找到", "没有找到这段对话，或者您没有权限查看。请重新开始申请。",
                               "没找到。请重新开始。"),
    "audio_not_found": ("没有找到这段语音", "没找到语音", "这段语音已经没有了，请刷新页面再听。", "请刷新再听。"),
    "audio_link_invalid": ("语音链接不能用", "链接不能用", "这个语音链接已经过期或不完整，请刷新页面再听。", "链接过期了。请刷新。"),
    "link_code_invalid": ("绑定码不对", "码不对", "这个绑定码不对，或者已经用过了。请在小程序里重新获取。", "码不对。请重新拿一个。"),
    "link_code_expired": ("绑定码过期了", "码过期了", "绑定码10分钟内有效。请在小程序里重新获取。", "码过期了。请重新拿一个。"),
    "link_code_attempts_exceeded": ("试的次数太多了", "试太多次了", "输错的次数太多了，请一小时后再试。", "请过一小时再试。"),
    "only_people_link": ("不能绑定", "不能绑定", "只有申请人本人的账号可以绑定公众号。", "只有本人能绑定。"),
    "official_account_not_configured": ("公众号没有开通", "没开通", "这个服务还没有接入微信公众号。", "还没开通。"),
    "link_code_busy": ("现在不能绑定", "现在不能绑", "最近一小时输错绑定码的人太多了。为了安全，请一小时后再试。",
                       "现在不能绑定。请过一小时再试。"),
    "message_not_encrypted": ("消息没有加密", "没有加密", "这个公众号只接收安全模式（加密）的消息。", "消息要加密。"),
    "request_replayed": ("请求重复了", "重复了", "这个签名已经用过了，不能用于另一条消息。", "重复了。"),
}
for _code, (_title, _title_easy, _detail, _detail_easy) in PROBLEMS.items():
    define(f"problem.{_code}.title", _title, _title_easy)
    define(f"problem.{_code}.detail", _detail, _detail_easy)

# --- the official account's own words -----------------------------------------------------------------
define("conversation.chat.welcome",
       "您好，这里是残疾人两项补贴网上申请。发文字、语音或照片都可以，我一次问一个问题。",
       "您好。这里可以申请残疾人补贴。可以发文字、语音、照片。")
define("conversation.chat.voice_not_heard", "这条语音我没听清，请再说一次，或者打字告诉我。", "没听清。请再说一次。")
define("conversation.chat.unsupported", "我能看懂文字、语音和照片。请用这几种方式回答。", "请发文字、语音或照片。")
define("conversation.chat.linked", "绑定好了，您在小程序里的申请，在这里也能接着填。", "绑好了。")
define("conversation.chat.start_again", "要开始一份新的申请，请说“新申请”。", "要新申请，请说“新申请”。")
define("conversation.chat.photo_not_received", "这张照片没有收到，请再发一次。", "照片没收到。请再发一次。")
define("conversation.chat.error", "刚才出了点问题，您填的内容都保存着。请再发一次。", "出了点问题。填的都还在。请再发一次。")
define("conversation.chat.link_code_length",
       "绑定码是小程序里显示的{length}位数字。请把“绑定”和这{length}位数字一起发给我，比如“绑定 123456”。",
       "请说“绑定”，再说{length}个数字。")
define("conversation.chat.status", "您的申请，编号{reference}：", "您的申请{reference}：")
define("conversation.chat.status_nothing_submitted", "您还没有提交过申请。我们接着填，填好就可以提交。",
       "您还没有交过申请。我们接着填。")
define("conversation.chat.status_contacts", "有疑问，可以打电话：{contacts}。", "有问题，可以打电话：{contacts}。")
