"""Monthly figures of online handling (seed 002 二: 对各地在线申请办理情况进行月度统计)."""
