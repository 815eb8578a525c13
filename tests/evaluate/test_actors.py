"""dyad eval actors on the PLOVER gold records (skips without ../shared)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.errors import DataError
from dyad.evaluate.actors import _codes, evaluate
from tests.conftest import DATA, need_shared

GOLD = DATA / "plover" / "PLOVER_GSR_CAMEO.txt"


def test_old_codes_are_mapped_and_non_countries_dropped() -> None:
    assert _codes([{"code": "JAP"}, {"code": "IGO"}, {"code": "USA"}]) == {"JPN", "USA"}


def test_missing_file_is_a_data_error(tmp_path) -> None:
    with pytest.raises(DataError):
        evaluate(tmp_path / "absent.txt")


def test_cli_json() -> None:
    need_shared(GOLD)
    result = CliRunner().invoke(cli, ["eval", "actors", "--json", "--data", str(GOLD)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["records"] > 300
    assert scores["recall"] > 0.8
