"""PySide6 must survive a long-running app: every void-returning Qt call drops a
reference to None, and PySide6 6.12.0 on Python 3.11 does so once too often, so a
kiosk updating a countdown label aborted with ``Fatal Python error: none_dealloc``
after about 5,100 calls. The soak runs in its own process because pytest holds
enough references to None to hide the bug."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 100_000

SOAK = textwrap.dedent(f"""
    import sys
    from PySide6.QtWidgets import QApplication, QLabel, QProgressBar

    app = QApplication(sys.argv)
    label, bar = QLabel(), QProgressBar()
    for i in range({CALLS} // 4):
        label.setText(str(i))
        label.setVisible(i % 2 == 0)
        bar.setValue(i % 100)
        label.update()
    app.processEvents()
    print("survived", {CALLS})
""")


def test_hundred_thousand_void_qt_calls_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SOAK], env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, (f"PySide6 aborted after void-returning calls (exit {done.returncode}); "
                                  f"check the PySide6 pin against this Python:\n{done.stderr[-2000:]}")
    assert done.stdout.strip() == f"survived {CALLS}"
