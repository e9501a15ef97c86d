"""Prints how long one turn of the conversation takes (an answer understood, saved through the services,
the next question chosen and rendered), with speech off and on, over a whole application from an empty
draft to submission, on a SQLite file in a temporary folder. No assertions: tests never time.

    .venv/bin/python bench/conversation_turns.py
"""

from __future__ import annotations

import base64
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' synthetic people and photos

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.accounts.preferences import put_preferences
from backend.db.base import new_id
from backend.db.migrate import upgrade
from backend.identity.synthetic import make_person
from backend.runtime import configure
from backend.settings import Settings
from backend.unit_of_work import unit_of_work


def main() -> None:
    from accessibility.conversation import answer_conversation, send_photo, start_conversation
    from tests.accessibility.conversation.chat import answers_for
    from tests.support.flows import photo_bytes

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        upgrade(url)
        configure(Settings(instance_dir=Path(folder), database_url=url, job_queue_url="immediate",
                           data_key=base64.b64encode(os.urandom(32)).decode(), secret_key="bench-secret",
                           ocr_engine="none"))
        for speech in (False, True):
            with unit_of_work() as uow:
                user = User(id=new_id(), role="public", created_at=uow.now)
                uow.session.add(user)
                uow.commit()
            actor = Actor(user.id, Role.PUBLIC)
            put_preferences(actor, {"speech": speech})
            who = make_person(rng=random.Random(7 + speech))
            answers = answers_for(who)
            timings: list[float] = []
            started = time.perf_counter()
            view, _ = start_conversation(actor, locale="zh_Hans_CN")
            timings.append(time.perf_counter() - started)
            conversation_id = view["conversation"]["id"]
            while not view["done"]:
                prompt = view["prompt"]
                started = time.perf_counter()
                if prompt["input"]["type"] == "photo":
                    view = send_photo(actor, conversation_id, photo_bytes(prompt["field"]), locale="zh_Hans_CN")
                else:
                    key = prompt["step"] if prompt["step"] in answers else prompt["step"].split(".")[0]
                    text = "对" if prompt["mode"] in ("confirm", "read_back") else answers[key]
                    view = answer_conversation(actor, conversation_id, text, locale="zh_Hans_CN")
                timings.append(time.perf_counter() - started)
            label = "speech on (MP3 made for each prompt)" if speech else "speech off"
            print(f"{label:<40} {len(timings):>3} turns  median {statistics.median(timings) * 1000:6.1f} ms  "
                  f"max {max(timings) * 1000:6.1f} ms  total {sum(timings):5.2f} s")
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
