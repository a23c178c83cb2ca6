# The two commands of the README. Each runs the idempotent set-up first.
.PHONY: demo test bundle voice fresh-check setup-run setup-test setup-voice lint-imports bench clean

demo: setup-run
	.venv/bin/kiosk demo

# pytest runs one worker per core (at most four); worksteal evens out the few long tests. Under
# eatmydata fsync is a no-op: the tests' throwaway databases and keys need no durability, and waiting
# for the disk was about a seventh of a store-heavy module's time (kill tests still hold: the page cache survives a kill).
# The 25 slowest tests are listed so CI's log shows where the suite's time goes.
test: setup-test
	.venv/bin/ruff check .
	.venv/bin/lint-imports
	.venv/bin/mypy
	QT_QPA_PLATFORM=offscreen eatmydata .venv/bin/python -m pytest -n logical --maxprocesses 4 --dist worksteal --durations=25

# The one-folder bundle (build.spec) in dist/kiosk, for a terminal without Python (README "Bundle").
bundle: setup-test
	.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build build.spec

# The buyer screens' voice clips (resources/voice/, committed) from the Chinese translations and the
# English texts (resources/voice/en/), offline.
voice: setup-voice
	.venv/bin/python scripts/voice.py

# The README's two commands in a clean Debian 12 root (debootstrap), then demo offline.
fresh-check:
	scripts/fresh-check.sh

setup-run:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

setup-voice:
	@scripts/setup.sh voice

lint-imports: setup-test
	.venv/bin/lint-imports

bench: setup-test
	for b in bench/*.py; do .venv/bin/python $$b; done

clean:
	rm -rf .venv build dist *.egg-info
