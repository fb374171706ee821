"""The optional LLM engine against a loopback OpenAI-compatible server: parsing, chunking, fallback."""

from __future__ import annotations

import json

import pytest

from skills.summarize.llm import (
    LLMConfig,
    LLMSummarizer,
    chunks,
    summarize_with_fallback,
)
from skills.summarize.utterance import Utterance
from tests.fakes.llm_api import FakeLLM, Scripted
from tests.fakes.server import serving

THREAD = [
    Utterance("1", "Maria", "Should we move the launch to May?", link="https://x/1"),
    Utterance("2", "Ken", "I think May works. Let's do it.", link="https://x/2"),
    Utterance("3", "Maria", "Ok, decided: launch in May. Ken, can you update the plan by Friday?", link="https://x/3"),
    Utterance("4", "Ken", "Sure, I'll update the plan by Friday.", link="https://x/4"),
    Utterance("5", "Ana", "Who tells the customers?", link="https://x/5"),
]
GOOD = json.dumps({
    "tldr": "Maria proposed moving the launch to May; Ken agreed.",
    "decisions": [{"text": "The launch moves to May", "source": "3"}],
    "action_items": [{"text": "update the plan", "owner": "Ken", "due": "Friday", "source": "4"}],
    "open_questions": [{"text": "Who tells the customers?", "source": "nonexistent"}],
})


@pytest.fixture
async def llm():
    fake = FakeLLM()
    async with serving(fake.app()) as url:
        yield fake, LLMConfig(base_url=url + "/v1", api_key="sk-test", model="test-model", timeout=2,
                              max_retries=2)


async def test_valid_answer_becomes_a_summary_with_source_links(llm):
    fake, config = llm
    fake.script = [Scripted(content=GOOD)]
    summary, notice = await summarize_with_fallback(LLMSummarizer(config), THREAD)
    assert notice is None
    assert summary.tldr == "Maria proposed moving the launch to May; Ken agreed."
    assert summary.decisions[0].link == "https://x/3"
    assert (summary.action_items[0].owner, summary.action_items[0].due) == ("Ken", "Friday")
    assert summary.open_questions[0].link is None  # an id the thread does not have links nowhere
    assert summary.participants == ("Maria", "Ken", "Ana")
    request = fake.requests[0]
    assert request["authorization"] == "Bearer sk-test"
    assert request["body"]["model"] == "test-model"
    assert request["body"]["response_format"]["type"] == "json_schema"
    assert "[3] Maria: Ok, decided" in request["body"]["messages"][1]["content"]


async def test_server_errors_are_retried_then_succeed(llm):
    fake, config = llm
    fake.script = [Scripted(status=500), Scripted(status=503), Scripted(content=GOOD)]
    summary, notice = await summarize_with_fallback(LLMSummarizer(config), THREAD)
    assert notice is None and len(fake.requests) == 3
    assert summary.tldr.startswith("Maria proposed")


@pytest.mark.parametrize("step,reason", [
    (Scripted(content="Sure! Here is a summary: the launch moved."), "not a valid summary"),
    (Scripted(content=json.dumps({"tldr": ""})), "not a valid summary"),
    (Scripted(status=500), "unavailable"),
    (Scripted(content=GOOD, delay=3), "unavailable"),
])
async def test_any_failure_falls_back_to_the_offline_engine_and_says_so(llm, step, reason):
    fake, config = llm
    fake.script = [step]
    config = LLMConfig(**{**config.__dict__, "max_retries": 0, "timeout": 1})
    summary, notice = await summarize_with_fallback(LLMSummarizer(config), THREAD)
    assert reason in notice and "offline" in notice
    assert summary.tldr and summary.tldr != "Maria proposed moving the launch to May; Ken agreed."


async def test_unreachable_server_falls_back():
    config = LLMConfig(base_url="http://127.0.0.1:9/v1", api_key="k", model="m", timeout=1, max_retries=0)
    summary, notice = await summarize_with_fallback(LLMSummarizer(config), THREAD)
    assert "unavailable" in notice and summary.tldr


async def test_a_long_thread_is_chunked_under_the_budget_then_merged(llm):
    fake, config = llm
    fake.script = [Scripted(content=GOOD)]
    long_thread = [Utterance(str(i), ["Maria", "Ken"][i % 2], f"Point number {i} about the launch plan. " * 20)
                   for i in range(60)]
    config = LLMConfig(**{**config.__dict__, "budget_tokens": 2000})
    summary, notice = await summarize_with_fallback(LLMSummarizer(config), long_thread)
    assert notice is None
    assert len(fake.requests) >= 3  # several chunks, then one merge
    assert "Merge these partial summaries" in fake.requests[-1]["body"]["messages"][1]["content"]
    for request in fake.requests[:-1]:
        assert len(request["body"]["messages"][1]["content"]) <= 2000 * 4


def test_chunks_keep_order_and_cut_only_oversized_lines():
    lines = ["a" * 10, "b" * 10, "c" * 50, "d" * 5]
    parts = chunks(lines, 25)
    assert [line[0] for part in parts for line in part] == ["a", "b", "c", "d"]
    assert all(sum(len(line) for line in part) <= 25 + len(part) for part in parts)
    assert parts[1] == ["c" * 25]


async def test_slack_mention_uses_the_llm_when_configured(slack_api, make_settings, llm):
    from adapters.app import create_app
    from tests.conftest import SIGNING_SECRET
    from tests.fakes.server import eventually
    from tests.fakes.slack_api import event_body
    from tests.test_slack_e2e import CHANNEL, ROOT_TS, mention, post_signed, seed_thread

    fake_slack, api_url = slack_api
    fake_llm, config = llm
    fake_llm.script = [Scripted(content=GOOD)]
    seed_thread(fake_slack, replies=4)
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, llm_base_url=config.base_url, llm_api_key="sk-test",
                             llm_model="test-model")
    async with serving(create_app(settings)) as url:
        await post_signed(url, event_body(mention("summarize")))
        posts = await eventually(lambda: fake_slack.calls_to("chat.postMessage"))
    assert posts[0]["thread_ts"] == ROOT_TS and posts[0]["channel"] == CHANNEL
    assert posts[0]["text"].startswith("Maria proposed moving the launch to May")
    assert "reply 0" in fake_llm.requests[0]["body"]["messages"][1]["content"]
