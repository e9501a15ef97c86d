"""Replies within WeChat's time, and replies too long for one message."""

import threading

from accessibility.chat.official_account import MAX_REPLY_BYTES, reply_within, split_reply


def test_a_quick_reply_is_given_directly():
    late: list[str] = []
    assert reply_within(1.0, lambda: "好的", late.append) == (True, "好的")
    assert late == []


def test_a_slow_reply_is_handed_on_when_it_is_ready():
    release, delivered = threading.Event(), threading.Event()
    late: list[str] = []

    def slow() -> str:
        release.wait(2)
        return "收到了"

    def deliver(text: str) -> None:
        late.append(text)
        delivered.set()

    assert reply_within(0.01, slow, deliver) == (False, None)
    release.set()
    assert delivered.wait(2) and late == ["收到了"]


def test_a_long_reply_is_cut_at_line_ends_into_parts_wechat_takes():
    lines = [f"{n}. 申请人姓名：王芳，居住地址：重庆市武隆区某某村3组12号" for n in range(1, 60)]
    parts = split_reply("\n".join(lines))
    assert len(parts) > 1 and all(len(p.encode()) <= MAX_REPLY_BYTES for p in parts)
    assert "\n".join(parts).split("\n") == lines
    assert split_reply("字" * 1000) == ["字" * 666, "字" * 334]
