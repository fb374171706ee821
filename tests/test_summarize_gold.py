"""The hand-written gold set for decisions and action items is well-formed, and the bench's matcher scores sanely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.summarize_gold import (
    GOLD_DIR,
    KINDS,
    Prediction,
    gold_as_prediction,
    load_all,
    load_gold,
    match,
    score,
    similarity,
)

GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def test_gold_set_has_enough_threads():
    assert len(GOLD_FILES) >= 30


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"split", "category", "lang", "messages", "users", "gold"}
    assert data["split"] in ("dev", "test") and data["category"] and data["lang"]
    users = data["users"]
    assert users and all(isinstance(uid, str) and isinstance(name, str) and name for uid, name in users.items())
    messages = data["messages"]
    assert 3 <= len(messages) <= 60
    for message in messages:
        assert {"ts", "user", "text"} <= set(message)
        assert message["user"] in users
        assert isinstance(message["text"], str) and message["text"].strip()
        float(message["ts"])
    assert [float(m["ts"]) for m in messages] == sorted(float(m["ts"]) for m in messages)

    gold = data["gold"]
    assert set(gold) == {*KINDS, "waiting_on"}
    assert gold["waiting_on"] is None or gold["waiting_on"].strip()
    assert all(isinstance(d, str) and d.strip() for d in gold["decisions"])
    assert all(isinstance(q, str) and q.strip() for q in gold["open_questions"])
    names = set(users.values())
    for item in gold["action_items"]:
        assert set(item) == {"owner", "text", "due"}
        assert isinstance(item["text"], str) and item["text"].strip()
        assert item["owner"] is None or item["owner"] in names
        assert item["due"] is None or (isinstance(item["due"], str) and item["due"].strip())

    thread = load_gold(path)  # the engine's own loader reads it
    assert len(thread.utterances) == len(messages)


def test_gold_set_is_varied():
    threads = load_all()
    assert sum(not t.decisions for t in threads) >= 3  # threads where nothing was decided
    assert any(a["owner"] is None for t in threads for a in t.action_items)
    assert any(a["due"] for t in threads for a in t.action_items)
    assert any("```" in u.text for t in threads for u in t.utterances)
    assert any("http" in u.text for t in threads for u in t.utterances)


def test_perfect_prediction_scores_one():
    threads = load_all()
    counts = score(threads, [gold_as_prediction(t) for t in threads])
    for kind in KINDS:
        assert counts[kind].precision == 1.0 and counts[kind].recall == 1.0 and counts[kind].f1 == 1.0
    assert counts["action_items"].owner_right == counts["action_items"].tp
    assert counts["action_items"].due_right == counts["action_items"].tp


def test_empty_prediction_has_zero_recall():
    threads = load_all()
    counts = score(threads, [Prediction() for _ in threads])
    for kind in KINDS:
        assert counts[kind].recall == 0.0 and counts[kind].tp == 0
        assert counts[kind].fn == sum(len(getattr(t, kind)) for t in threads)


def test_wrong_owner_is_counted_against_owner_accuracy():
    thread = load_gold(GOLD_DIR / "03_hiring_backend_debrief.json")
    wrong = gold_as_prediction(thread)
    wrong.action_items[0]["owner"] = "Raj"
    counts = score([thread], [wrong])
    assert counts["action_items"].tp == 1 and counts["action_items"].owner_right == 0


def test_matcher_is_one_to_one_and_ignores_unrelated_text():
    assert similarity("send the contract to Ken", "Send the contract!", frozenset({"ken"})) == 1.0
    assert similarity("book the venue", "review the PR") == 0.0
    pairs = match(["update the roadmap", "update the roadmap"], ["update the roadmap"])
    assert pairs == [(0, 0)]  # a duplicate prediction cannot match the same gold item twice
    assert match(["order pizza for the team"], ["rotate the database credentials"]) == []


def test_the_bench_scores_the_llm_engine_when_one_is_configured(monkeypatch):
    """With LLM_BASE_URL and LLM_MODEL set, the same threads are scored for the LLM engine (here a loopback fake)."""
    import asyncio
    import threading

    from bench.summarize_gold import llm_system
    from bot.config import get_settings
    from tests.fakes.llm_api import FakeLLM, Scripted
    from tests.fakes.server import serving

    for name in ("LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    assert llm_system() is None  # not configured: only the offline engine and the baseline are scored

    answer = {"tldr": "Nora decided on Berlin.", "decisions": [{"text": "Berlin it is", "source": ""}],
              "action_items": [{"text": "book Spreespeicher", "owner": "Hugo", "due": "this week", "source": ""}],
              "open_questions": [], "no_decision": False, "waiting_on": None}
    fake = FakeLLM(script=[Scripted(content=json.dumps(answer))])
    started, stop = threading.Event(), threading.Event()
    box: dict = {}

    def serve() -> None:
        async def main() -> None:
            async with serving(fake.app()) as url:
                box["url"] = url
                started.set()
                while not stop.is_set():
                    await asyncio.sleep(0.01)
        asyncio.run(main())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(10)
    try:
        monkeypatch.setenv("LLM_BASE_URL", box["url"] + "/v1")
        monkeypatch.setenv("LLM_MODEL", "test-model")
        get_settings.cache_clear()
        system = llm_system()
        prediction = system(load_gold(GOLD_DIR / "04_offsite_venue.json"))
    finally:
        stop.set()
        thread.join(10)
        get_settings.cache_clear()
    assert prediction.decisions == ["Berlin it is"]
    assert prediction.action_items == [{"text": "book Spreespeicher", "owner": "Hugo", "due": "this week"}]
    assert fake.requests and "[1764259200.000100] Nora:" in fake.requests[0]["body"]["messages"][1]["content"]


def test_numbers_scores_only_the_threads_in_that_range(capsys):
    from bench.summarize_gold import main

    assert main(["--split", "all", "--numbers", "2-4"]) == 0  # 02_…, 03_…, 04_…
    assert "\n3 threads;" in capsys.readouterr().out
