"""Our side of WeChat's HTTP APIs, through wechatpy: clients with timeouts, and an access-token cache
shared by every process (wechatpy's own cache is per process)."""
