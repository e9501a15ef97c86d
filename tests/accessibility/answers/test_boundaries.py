import subprocess
import sys


def test_answers_and_speech_import_neither_flask_nor_the_backend():
    # A fresh interpreter, so modules other tests imported do not count.
    code = (
        "import sys, accessibility.answers, accessibility.speech; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'backend', 'miniprogram_api')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
