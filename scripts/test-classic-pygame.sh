#!/usr/bin/env bash
# Run the test suite on classic pygame 2.6.1 instead of pygame-ce.
#
# Both install as the `pygame` package, so they cannot share a virtual environment:
# this makes a second one (.venv-classic, or $CLASSIC_VENV), installs classic pygame
# and the project's other dependencies (read from pyproject.toml, pygame-ce left out),
# installs the project itself with --no-deps, and runs pytest. Arguments go to pytest:
#
#   scripts/test-classic-pygame.sh              # the whole suite
#   scripts/test-classic-pygame.sh -k monkey    # some of it
#
# CLASSIC_STEP=setup only installs; CLASSIC_STEP=test only runs pytest (CI installs
# first, then runs this beside the main suite). Needs Python 3.11 to 3.13 (pygame
# 2.6.1 has wheels for those) as python3 or $PYTHON.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
PYTHON=${PYTHON:-python3}
VENV=${CLASSIC_VENV:-.venv-classic}
STEP=${CLASSIC_STEP:-all}

if [ "$STEP" != test ]; then
    "$PYTHON" -m venv "$VENV"
    # The dependencies pyproject.toml lists, less pygame-ce and the lint tools (CI runs those once).
    mapfile -t deps < <("$VENV/bin/python" - <<'PY'
import tomllib

project = tomllib.load(open("pyproject.toml", "rb"))["project"]
for dep in project["dependencies"] + project["optional-dependencies"]["test"]:
    name = dep.split(";")[0].strip().lower()
    if not name.startswith(("pygame-ce", "ruff", "mypy", "types-")):
        print(dep)
PY
)
    "$VENV/bin/pip" install --quiet "pygame==2.6.1" "${deps[@]}"
    "$VENV/bin/pip" install --quiet --no-deps -e .
    "$VENV/bin/python" -c "import pygame, sys; assert not getattr(pygame, 'IS_CE', False), 'pygame-ce got in'; print('classic pygame', pygame.version.ver, 'on Python', sys.version.split()[0])"
fi
if [ "$STEP" != setup ]; then
    # Its own temporary folder and no cache, so it can run beside the main suite.
    basetemp=$(mktemp -d "${TMPDIR:-/tmp}/immunoquest-classic.XXXXXX")
    trap 'rm -rf "$basetemp"' EXIT
    "$VENV/bin/python" -m pytest -p no:cacheprovider --basetemp "$basetemp/t" "$@"
fi
