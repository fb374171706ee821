"""Every file the CLI reads, fuzzed: broken input is a one-line error and exit 2 (or 3 for a batch), never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import app
from tests.fakes.hostile import bytes_damaged, field_replaced, json_values

EXPORT = Path(__file__).parent / "data" / "slack_export"
THREAD = {"messages": [{"ts": "1700000000.000100", "user": "U1", "text": "Should we ship on Friday?"},
                       {"ts": "1700000100.000100", "user": "U2", "text": "Yes, decided: Friday. <@U1> writes notes",
                        "thread_ts": "1700000000.000100"}]}
FUZZ = settings(max_examples=60, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
runner = CliRunner()

contents = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
    field_replaced(THREAD).map(lambda v: json.dumps(v).encode()),
    bytes_damaged(json.dumps(THREAD).encode()),
)


def assert_clean_exit(result) -> None:
    assert result.exit_code in (0, 2, 3), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


@FUZZ
@given(content=contents, as_json=st.booleans())
def test_summarize_and_analyze_never_crash_on_a_file(tmp_path, content, as_json):
    path = tmp_path / "thread.json"
    path.write_bytes(content)
    flags = ["--json"] if as_json else []
    assert_clean_exit(runner.invoke(app, ["summarize", str(path), *flags]))
    assert_clean_exit(runner.invoke(app, ["analyze", str(path), *flags]))


@FUZZ
@given(which=st.sampled_from(["channels.json", "users.json", "general/2026-11-17.json"]), content=contents)
def test_digest_never_crashes_on_a_damaged_export(tmp_path, which, content):
    export = tmp_path / "export"
    shutil.rmtree(export, ignore_errors=True)
    shutil.copytree(EXPORT, export)
    (export / which).write_bytes(content)
    assert_clean_exit(runner.invoke(app, ["digest", str(export), "--channel", "general", "--week", "2026-W47",
                                          "--json"]))
