"""How fast the fake answers: logins (code2Session) and subscribe sends, one client and several threads.

    .venv/bin/python bench/fake_wechat_calls.py [CALLS]

Prints figures; asserts nothing. The fake should never be what makes an end-to-end test slow.
"""

import sys
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from fake_wechat import Template, running_fake_wechat


def main(calls: int) -> None:
    with running_fake_wechat(assume_consent=True, templates=(Template("tmplBench", ("thing1",)),)) as fake:
        config = fake.config
        session = requests.Session()
        codes = [fake.login() for _ in range(calls)]
        login = {"appid": config.app_id, "secret": config.app_secret, "grant_type": "authorization_code"}

        def exchange(code: str, http: requests.Session = session) -> None:
            answer = http.get(f"{fake.base_url}/sns/jscode2session", params={**login, "js_code": code}, timeout=5)
            assert "openid" in answer.json()

        started = time.perf_counter()
        for code in codes:
            exchange(code)
        report("code2Session, 1 client", calls, time.perf_counter() - started)

        codes = [fake.login() for _ in range(calls)]
        started = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda code: exchange(code, requests.Session()), codes))
        report("code2Session, 8 threads", calls, time.perf_counter() - started)

        token = session.get(f"{fake.base_url}/cgi-bin/token", params={
            "grant_type": "client_credential", "appid": config.app_id, "secret": config.app_secret}).json()
        openid = fake.state.codes[codes[0]].openid
        body = {"touser": openid, "template_id": "tmplBench", "data": {"thing1": {"value": "审核中"}}}
        started = time.perf_counter()
        for _ in range(calls):
            session.post(f"{fake.base_url}/cgi-bin/message/subscribe/send",
                         params={"access_token": token["access_token"]}, json=body, timeout=5)
        report("subscribe send, 1 client", calls, time.perf_counter() - started)


def report(what: str, calls: int, seconds: float) -> None:
    print(f"{what:<28} {calls} calls  {seconds:6.2f} s  {calls / seconds:7.0f} calls/s  "
          f"{seconds / calls * 1000:5.2f} ms/call")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
