import re

import pytest

from accessibility.speech import speakable_text

MANDARIN = [
    ("请在2026-11-25前补正材料。", "请在二零二六年十一月二十五日前补正材料。"),
    ("2026年11月25日", "二零二六年十一月二十五日"),
    ("2026/1/5", "二零二六年一月五日"),
    ("有效期至2030-06", "有效期至二零三零年六月"),
    ("从2026年5月起", "从二零二六年五月起"),
    ("1980年", "一九八零年"),
    ("每月80.00元", "每月八十元"),
    ("¥80", "八十元"),
    ("￥80.5", "八十元五角"),
    ("80.05元", "八十元零五分"),
    ("1,234.56元", "一千二百三十四元五角六分"),
    ("0.5元", "五角"),
    ("2元", "两元"),
    ("2000元", "两千元"),
    ("护理补贴90元/月", "护理补贴九十元每月"),
    ("身份证号50015619800503123X", "身份证号五零零幺五六幺九八零零五零三幺二三艾克斯"),
    ("电话13912345678", "电话幺三九幺二三四五六七八"),
    ("区划代码500156", "区划代码五零零幺五六"),
    ("第3步，共9步", "第三步,共九步"),
    ("第2步", "第二步"),
    ("您有2个材料", "您有两个材料"),
    ("15%", "百分之十五"),
    ("12.5%", "百分之十二点五"),
    ("办理时间09:30-17:00", "办理时间九点三十分到十七点"),
    ("1-4级", "一到四级"),
    ("100-200元", "一百到二百元"),
    ("您的手机号是139 1234 5678吗？", "您的手机号是幺三九,幺二三四,五六七八吗?"),
    ("500156 19800503 123X", "五零零幺五六,幺九八零零五零三,幺二三艾克斯"),
    ("每月 80.00元", "每月八十元"),
    ("¥90，2026-11-25前", "九十元,二零二六年十一月二十五日前"),
    ("共12项", "共十二项"),
    ("3.5", "三点五"),
    ("100", "一百"),
]


@pytest.mark.parametrize("text, spoken", MANDARIN)
def test_numbers_dates_amounts_and_codes_become_mandarin_words(text, spoken):
    assert speakable_text(text, "zh_Hans_CN") == spoken


PROMPTS = [
    "第3步，共9步：请说出您的身份证号码。",
    "您的申请已于2026-11-25提交，我们会在10个工作日内告诉您结果。",
    "重庆市武隆区：护理补贴一级每月¥90，二级每月80.00元。",
    "请在2026年12月31日前上传残疾证照片，剩余2项。",
    "您的手机号是139 1234 5678吗？",
]


@pytest.mark.parametrize("prompt", PROMPTS)
def test_no_digit_or_currency_sign_is_left_for_the_mandarin_voice(prompt):
    spoken = speakable_text(prompt, "zh_Hans_CN")
    assert not re.search(r"[0-9¥￥%]", spoken), spoken


ENGLISH = [
    ("Please correct it by 2026-11-25.", "Please correct it by 25 November 2026."),
    ("Your subsidy is ¥80 a month", "Your subsidy is 80 yuan a month"),
    ("80.50元", "80 yuan 50 fen"),
    ("90元/月", "90 yuan a month"),
    ("ID 50015619800503123X", "ID 5 0 0 1 5 6 1 9 8 0 0 5 0 3 1 2 3 X"),
    ("Step 3 of 9", "Step 3 of 9"),
    # A reference: its letters spelt, and its first digit not stuck to them ("LB2 0 2 6 ..." was said).
    ("Reference LB20261126794239.", "Reference L B 2 0 2 6 1 1 2 6 7 9 4 2 3 9."),
]


@pytest.mark.parametrize("text, spoken", ENGLISH)
def test_english_text_gets_dates_amounts_and_codes_in_english(text, spoken):
    assert speakable_text(text, "en") == spoken


def test_text_without_numbers_is_left_as_it_is():
    assert speakable_text("请说出您的姓名。", "zh_Hans_CN") == "请说出您的姓名。"


CODES = [
    ("联系电话：139****1542。", "联系电话:幺三九,中间四位隐去了,幺五四二。"),
    ("身份证号：5002**********3319", "身份证号:五零零二,中间十位隐去了,三三幺九"),
    ("5002**********331X", "五零零二,中间十位隐去了,三三幺艾克斯"),
    ("残疾人证号5002************1942", "残疾人证号五零零二,中间十二位隐去了,幺九四二"),
    ("银行账号************1234", "银行账号前面十二位隐去了,幺二三四"),
    ("住在幸福小区3栋2705室", "住在幸福小区三栋二七零五室"),
    ("重庆市武隆区联合路25号", "重庆市武隆区联合路二五号"),
    ("某某村3组12号", "某某村三组幺二号"),
    ("银行卡尾号1234", "银行卡尾号幺二三四"),
    ("残疾人证号50023219800503331942", "残疾人证号五零零二三二幺九八零零五零三三三幺九四二"),
]


@pytest.mark.parametrize("text, spoken", CODES)
def test_phone_id_certificate_room_and_house_numbers_are_read_digit_by_digit_even_masked(text, spoken):
    assert speakable_text(text, "zh_Hans_CN") == spoken


@pytest.mark.parametrize("text, spoken", [("每月80元", "每月八十元"), ("共3项", "共三项"), ("11月25号", "十一月二十五号"),
                                          ("请在25号前", "请在二十五号前"), ("第2步", "第二步")])
def test_amounts_counts_and_days_stay_numbers(text, spoken):
    assert speakable_text(text, "zh_Hans_CN") == spoken


def test_a_masked_number_in_english_says_how_many_digits_are_hidden():
    assert speakable_text("Phone 139****1542", "en") == "Phone 1 3 9, 4 digits hidden, 1 5 4 2"
