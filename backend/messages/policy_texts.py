"""Eligibility, reasons and what would change them, and regional policy in plain words."""

from backend.messages.catalog import define

define("outcome.eligible", "符合条件，可以申请", "可以领")
define("outcome.not_eligible", "暂不符合条件", "现在还不能领")
define("outcome.needs_review", "需要审核人员确认", "要工作人员看一下")

for _grade, (_standard, _easy) in {1: ("一级", "一级"), 2: ("二级", "二级"), 3: ("三级", "三级"),
                                   4: ("四级", "四级")}.items():
    define(f"grade.{_grade}", _standard, _easy)
for _category, (_standard, _easy) in {
        1: ("视力残疾", "视力残疾"), 2: ("听力残疾", "听力残疾"), 3: ("言语残疾", "言语残疾"),
        4: ("肢体残疾", "肢体残疾"), 5: ("智力残疾", "智力残疾"), 6: ("精神残疾", "精神残疾"),
        7: ("多重残疾", "多重残疾")}.items():
    define(f"category.{_category}", _standard, _easy)
for _household, (_standard, _easy) in {"dibao": ("低保", "低保"), "dibao_marginal": ("低保边缘家庭", "低保边缘"),
                                       "none": ("未纳入低保或低保边缘", "没有低保")}.items():
    define(f"household.{_household}", _standard, _easy)
BENEFITS = {
    "work_injury_nursing_allowance": ("工伤保险生活护理费", "工伤护理费"),
    "destitute_support": ("特困人员救助供养", "特困供养"),
    "orphan": ("孤儿（含艾滋病病毒感染儿童）基本生活保障", "孤儿生活费"),
    "de_facto_orphan_fully_supported": ("事实无人抚养儿童基本生活保障（全额）", "无人抚养儿童生活费"),
    "public_duty_disability_allowance": ("因公致残生活、护理补贴（津贴）", "因公致残补贴"),
    "retired_cadre_nursing_fee": ("离休老干部护理费", "离休干部护理费"),
    "disability_pension": ("伤残抚恤", "伤残抚恤金"),
    "elderly_allowance": ("高龄津贴", "高龄津贴"),
    "elderly_care_subsidy": ("经济困难高龄、失能老年人养老服务补贴", "老年人养老服务补贴"),
    "institution_care": ("在儿童福利机构集中养育", "住在福利院"),
}
for _benefit, (_standard, _easy) in BENEFITS.items():
    define(f"benefit.{_benefit}", _standard, _easy)
for _effect, (_standard, _easy) in {
        "excluded": ("不能同时享受", "不能一起领"), "combine": ("可以同时享受", "可以一起领"),
        "choose_higher": ("择高享受（两项中选金额高的一项）", "两样选钱多的一样"),
        "review": ("由审核人员按当地规定确认", "工作人员会告诉您")}.items():
    define(f"coordination.{_effect}", _standard, _easy)

REASONS = {
    # code: (standard, easy-read)
    "region_unknown": ("没有找到户籍所在区县，先按全国政策判断，金额以当地标准为准。", "不知道您户口在哪个区县。先按全国的规定看。"),
    "grade_unknown": ("还不知道残疾等级，要看残疾人证才能判断。", "还不知道您残疾几级。"),
    "certificate_expired": ("残疾人证已于 {valid_until} 到期，到期后的次月起停发补贴。", "您的残疾人证过期了。"),
    "too_young": ("按当地规定，要年满{age}岁才能申请。", "要满{age}岁才能申请。"),
    "too_old": ("按当地规定，超过{age}岁的不在这项补贴范围内。", "超过{age}岁不能申请这一项。"),
    "grade_qualifies": ("残疾等级为{grade_label}，属于重度残疾，符合护理补贴的条件。", "您是{grade_label}残疾。可以领护理补贴。"),
    "extension_qualifies": ("当地把护理补贴扩大到三、四级智力、精神残疾人，您是{category_label}{grade_label}，符合这一条。",
                            "您是{category_label}{grade_label}。当地也给护理补贴。"),
    "multiple_disabilities_extension": ("当地三、四级智力、精神残疾人也可以领护理补贴。多重残疾中有没有智力或精神残疾，要审核人员看残疾人证确认。",
                                        "工作人员要看您的残疾人证。"),
    "category_unknown": ("当地三、四级智力、精神残疾人也可以领护理补贴，还要知道残疾类别才能判断。", "还要知道您是哪一类残疾。"),
    "grade_not_covered_nursing": ("护理补贴发给一级、二级的重度残疾人，您的残疾等级是{grade_label}。",
                                  "护理补贴只给一级、二级。您是{grade_label}。"),
    "grade_not_covered_nursing_extended": ("护理补贴发给一级、二级的重度残疾人和三、四级智力、精神残疾人，您的情况不在其中。",
                                           "护理补贴不包括您这一类。"),
    "certificate_qualifies": ("持有残疾人证（{grade_label}），符合生活补贴对残疾等级的要求。", "您有残疾人证。这一条符合。"),
    "grade_not_covered_living": ("生活补贴要求残疾等级在一级到四级。", "要一级到四级才行。"),
    "household_unknown": ("生活补贴要看家里是否纳入低保，这一项还没有填。", "还不知道您家有没有低保。"),
    "household_qualifies": ("家里纳入了{household_label}，符合生活补贴的条件。", "您家有{household_label}。可以领生活补贴。"),
    "household_not_covered": ("生活补贴发给纳入低保的家庭中的残疾人。", "生活补贴只给有低保的家庭。"),
    "household_not_covered_marginal": ("生活补贴发给纳入低保或低保边缘家庭的残疾人。", "生活补贴只给有低保或低保边缘的家庭。"),
    "benefit_excludes": ("正在领取{benefit_label}的，不能享受{subsidy_label}。", "您填了：{benefit_label}。这样就不能领{subsidy_label}。"),
    "benefit_combines": ("领取{benefit_label}的，可以同时享受{subsidy_label}。", "您填了：{benefit_label}。也能领{subsidy_label}。"),
    "benefit_needs_review": ("领取{benefit_label}时能否同时享受{subsidy_label}，由审核人员按当地规定确认。",
                             "您填了：{benefit_label}。还能不能领{subsidy_label}，工作人员会告诉您。"),
    "choose_higher": ("{benefit_label}和{subsidy_label}只能领一项。审核时会比较两项每月的金额，按高的一项发放。",
                      "两样只能领一样。会给您钱多的那一样。"),
    "choose_higher_ours": ("{subsidy_label}每月{amount}元，比{benefit_label}高，会按{subsidy_label}发放。",
                           "{subsidy_label}钱多。给您{subsidy_label}。"),
    "choose_higher_theirs": ("{benefit_label}比{subsidy_label}（每月{amount}元）高，会继续按{benefit_label}发放。",
                             "{benefit_label}钱多。您继续领{benefit_label}。"),
    "choose_higher_tie": ("{benefit_label}和{subsidy_label}每月一样多（都是{amount}元），两项只能领一项，所以保留{benefit_label}。",
                          "两样钱一样多。您继续领{benefit_label}。"),
    "choose_higher_together": ("{benefit_label}和两项补贴只能领一种。审核时会把{benefit_label}每月的金额，和您能领的补贴（{subsidies_label}）每月的总额比较，按高的一种发放。",
                               "{benefit_label}和两项补贴，只能领一种。会给您钱多的那一种。"),
    "choose_higher_together_ours": ("您能领的补贴（{subsidies_label}）每月共{total}元，比{benefit_label}每月{other_amount}元高，所以发放{subsidies_label}，不再领{benefit_label}。",
                                    "补贴钱多。给您补贴。{benefit_label}就不领了。"),
    "choose_higher_together_theirs": ("{benefit_label}每月{other_amount}元，不低于您能领的补贴（{subsidies_label}）每月共{total}元，所以继续领{benefit_label}，不发放{subsidies_label}。",
                                      "{benefit_label}钱多。您继续领{benefit_label}。不领这里的补贴。"),
    "choose_higher_together_tie": ("{benefit_label}每月{other_amount}元，和您能领的补贴（{subsidies_label}）每月共{total}元一样多，两种只能领一种，所以保留{benefit_label}，不发放{subsidies_label}。",
                                   "两边钱一样多。您继续领{benefit_label}。不领这里的补贴。"),
    "choose_higher_together_pending": ("{benefit_label}和两项补贴只能领一种，要和您能领的补贴（{subsidies_label}）每月的总额比较。其他条件确认后，审核人员按高的一种发放。",
                                       "{benefit_label}和两项补贴，只能领一种。工作人员确认后，给您钱多的那一种。"),
    "paid_to_institution": ("机构集中养育的残疾孤儿、事实无人抚养儿童，护理补贴发给儿童福利机构，用于孩子的护理。", "护理补贴发给福利院。用来照顾孩子。"),
    "paid_to_unknown": ("在儿童福利机构集中养育的残疾孤儿、事实无人抚养儿童，护理补贴发给机构；其他人的发给本人。是否属于这种情况，由审核人员确认。",
                        "护理补贴发给谁，工作人员会确认。"),
    "amount_unknown": ("每月金额以当地最新标准为准。", "每月多少钱，按当地的标准。"),
    "starts_month_of_application": ("审核通过后，从提交申请的当月（{month}）开始计发。", "通过后，从{month}开始算钱。"),
    "starts_on_renewal": ("换领新证后，从新证发证当月（{month}）开始计发。", "从{month}开始算钱。"),
    "starts_on_renewal_limited": ("新证发证当月（{issue_month}）离提交申请的当月（{application_month}）超过3个月，申请前的补贴最多补发3个月，所以从{month}开始计发。",
                                  "从{month}开始算钱。申请前的钱最多补3个月。"),
    "back_pay_on_renewal": ("证件过期停发的月份，可视情况按新证标准补发，最多{back_pay_months}个月（从{month}起）。",
                            "停发的钱，可能补给您，最多{back_pay_months}个月。"),
    "certificate_expires_soon": ("残疾人证将于 {valid_until} 到期。到期后的次月起会停发补贴，请提前到残联换领新证。",
                                 "您的残疾人证{valid_until}到期。请早点去残联换新证。"),
}
for _code, (_standard, _easy) in REASONS.items():
    define(f"eligibility.reason.{_code}", _standard, _easy)

# What would change the answer (only for reasons a person can act on, or that may change).
CHANGES = {
    "region_unknown": ("告诉我们户口所在的区县，就能按当地政策判断。", "告诉我们户口在哪个区县。"),
    "grade_unknown": ("填写残疾人证上的残疾等级后，就能判断。", "请填残疾等级。"),
    "certificate_expired": ("换领新的残疾人证后可以重新申请，从新证发证当月开始计发。", "换了新证，就可以再申请。"),
    "category_unknown": ("填写残疾人证上的残疾类别后，就能判断。", "请填残疾类别。"),
    "grade_not_covered_nursing": ("如果残疾等级重新评定为一级或二级，可以申请护理补贴。", "如果评为一级或二级，就能领。"),
    "grade_not_covered_nursing_extended": ("如果残疾等级重新评定为一级或二级，可以申请护理补贴。", "如果评为一级或二级，就能领。"),
    "household_unknown": ("告诉我们家里是否纳入低保，就能判断。", "请告诉我们您家有没有低保。"),
    "household_not_covered": ("如果您家纳入低保，可以申请生活补贴。", "如果您家有了低保，就能领生活补贴。"),
    "household_not_covered_marginal": ("如果您家纳入低保或低保边缘家庭，可以申请生活补贴。", "如果您家有了低保，就能领生活补贴。"),
    "certificate_expires_soon": ("到残联换领新证后，把新证的日期告诉我们。", "换了新证，请告诉我们。"),
    "paid_to_unknown": ("告诉我们孩子是不是孤儿或事实无人抚养儿童，就能确定护理补贴发给谁。", "请告诉我们孩子是不是孤儿。"),
}
for _code, (_standard, _easy) in CHANGES.items():
    define(f"eligibility.change.{_code}", _standard, _easy)

# Regional policy in plain words (GET /policies/{region_code}).
define("policy.rule.nursing_grades", "持有残疾人证、残疾等级为{grades}的重度残疾人，可以申请重度残疾人护理补贴。",
       "{grades}残疾，可以申请护理补贴。")
define("policy.rule.nursing_extra", "{categories}中残疾等级为{grades}的，也可以申请护理补贴。", "{categories}{grades}，也可以申请。")
define("policy.rule.living", "持有残疾人证（{grades}）、家庭纳入{households}的残疾人，可以申请困难残疾人生活补贴。",
       "有残疾人证，家里有{households}，可以申请生活补贴。")
define("policy.rule.both", "符合条件的，可以同时申领两项补贴。", "两样都符合，可以都领。")
define("policy.rule.amount", "{condition}每月{amount}元。", "{condition}每月{amount}元。")
define("policy.rule.amount_everyone", "每人每月{amount}元。", "每人每月{amount}元。")
define("policy.rule.amount_unknown", "每月金额以当地最新标准为准。", "钱数按当地标准。")
define("policy.rule.institution_payment", "机构集中养育的残疾孤儿、事实无人抚养儿童的护理补贴，发给相应的儿童福利机构。",
       "福利院的孩子，护理补贴发给福利院。")
define("policy.rule.age", "年龄要求：{low}到{high}岁。", "年龄：{low}到{high}岁。")
define("policy.process.online_application_from", "自 {date} 起，可以全程在网上申请、查询和修改证明材料，不用跑腿。",
       "在网上就能申请。不用去办事大厅。")
define("policy.process.same_standard_online_offline", "网上申请和到窗口申请，按同一标准受理、办理。", "网上申请和去窗口申请，一样对待。")
define("policy.process.rejection_reason_explained", "不符合条件的，会注明原因，并向您解释。", "不符合的，会告诉您原因。")
define("policy.process.monthly_online_statistics", "省里每月统计网上申请的办理情况，督促及时办理。", "省里每月检查办得快不快。")
define("policy.process.handled_from_materials_complete",
       "材料齐全之日起，3个工作日内送到户籍所在地审核，户籍地在10个工作日内作出是否符合条件的决定。",
       "都交齐以后，3个工作日内送给工作人员。10个工作日内有结果。")
define("policy.process.dibao_looked_up", "低保情况由工作人员查询，不用上传低保证明。", "不用拍低保证明。")
define("list.separator", "、", "、")
# The kinds of office the regional policy files list as contacts, and an office named by kind and place
# (backend/identity/place_names.office_name: used only outside Chinese, where the data's own name is kept).
define("office.civil_affairs_bureau", "民政局", "民政局")
define("office.civil_affairs_department", "民政厅", "民政厅")
define("office.disabled_persons_federation", "残疾人联合会", "残联")
define("office.subdistrict_office", "街道办事处", "街道办")
define("office.peoples_government", "人民政府", "政府")
define("office.of_place", "{place}{kind}", "{place}{kind}")
# A day inside a sentence (backend/messages/catalog.day_words).
define("date.day", "{year}年{month}月{day}日", "{year}年{month}月{day}日")
# A month inside a sentence (backend/messages/catalog.month_words): the month payment starts, a certificate's month.
define("date.month", "{year}年{month}月", "{year}年{month}月")
define("list.and", "和", "和")
define("list.clause_separator", "，", "，")
define("office.unknown", "户籍所在区县的审核部门", "户口所在地的工作人员")
define("submit.warning.not_eligible", "按目前填写的情况，{subsidy}可能不符合条件。申请已经提交，由审核人员作出决定。",
       "{subsidy}可能领不到。申请已经交了。工作人员会决定。")
define("submit.warning.needs_review", "{subsidy}有几项要审核人员确认，申请已经提交。", "{subsidy}有几点要工作人员看。申请已经交了。")

# A verdict said aloud (accessibility/status_speech.py): with an amount, it is said as the conversation's summary
# says it (conversation.summary.eligibility); a subsidy not (yet) qualified for has no amount to say.
define("eligibility.verdict_said", "{subsidy}：{outcome}。", "{subsidy}：{outcome}。")
