"""Place names in addresses and issuing authorities are checked against GB/T 2260 (ocr/fields/places.py)."""

from pathlib import Path

from ocr.fields.layout import Value
from ocr.fields.places import PLACES_FILE, settle_address, settle_authority

ROOT = Path(__file__).resolve().parents[2]


def read(text: str, doubtful: tuple[int, ...] = (), runner_up: dict[int, str] | None = None) -> Value:
    """What a recogniser gave: every character sure (0.97) except those it doubted (0.3)."""
    runner_up = runner_up or {}
    return Value(text, tuple(0.3 if i in doubtful else 0.97 for i in range(len(text))),
                 tuple(((runner_up[i], 0.2),) if i in runner_up else () for i in range(len(text))), (0, 0, 1, 1))


def test_the_ocr_place_list_is_the_one_built_from_the_region_list():
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_ocr_places", ROOT / "scripts" / "build_ocr_places.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    regions = (ROOT / "backend" / "identity" / "data" / "regions.csv").read_text(encoding="utf-8")
    assert PLACES_FILE.read_text(encoding="utf-8") == build.places_csv(regions), \
        "run scripts/build_ocr_places.py after changing regions.csv"


def test_a_doubtful_character_of_a_county_in_an_authority_is_set_right():
    settled = settle_authority(read("拉萨市公安局域关分局", doubtful=(6,)))
    assert settled.text == "拉萨市公安局城关分局"
    assert settled.confidence == 0.97


def test_a_doubtful_character_of_a_prefecture_in_an_authority_is_set_right():
    assert settle_authority(read("乌鲁木务市公安局天山区分局", doubtful=(3,))).text == "乌鲁木齐市公安局天山区分局"


def test_a_sure_character_is_never_replaced_unless_the_name_was_its_runner_up():
    assert settle_authority(read("拉萨市公安局域关分局")).text == "拉萨市公安局域关分局"
    assert settle_authority(read("拉萨市公安局域关分局", runner_up={6: "城"})).text == "拉萨市公安局城关分局"


def test_an_abolished_county_keeps_its_name_on_old_documents():
    assert settle_authority(read("武隆县公安局")).text == "武隆县公安局"
    assert settle_address(read("重庆市武隆县巷口镇芙蓉路18号")).text == "重庆市武隆县巷口镇芙蓉路18号"


def test_an_address_has_its_province_prefecture_and_county_checked():
    settled = settle_address(read("新疆维吾尔自治区乌鲁木务市天山区石桥乡人民路6号", doubtful=(11,)))
    assert settled.text == "新疆维吾尔自治区乌鲁木齐市天山区石桥乡人民路6号"
    assert min(settled.confidences[:16]) == 0.97


def test_a_misread_that_two_counties_fit_equally_is_left_as_read_and_doubtful():
    # 万州区 and 万盛区 (abolished 2011) are both one character from 万洲区.
    settled = settle_address(read("重庆市万洲区新华街道", doubtful=(4,)))
    assert settled.text == "重庆市万洲区新华街道"
    assert settled.confidences[4] == 0.3


def test_towns_villages_and_streets_are_never_changed():
    settled = settle_address(read("上海市浦东新区大炉镇龙象村2组27号", doubtful=(7, 11)))
    assert settled.text == "上海市浦东新区大炉镇龙象村2组27号"
    assert settled.confidences[7] == 0.3 and settled.confidences[11] == 0.3


def test_two_doubtful_characters_in_one_name_are_not_both_vouched_for():
    settled = settle_address(read("新疆维吾尔自治区乌鲁木齐市天山区", doubtful=(10, 11)))
    assert settled.text == "新疆维吾尔自治区乌鲁木齐市天山区"
    assert settled.confidences[10] == 0.3 and settled.confidences[11] == 0.3
