"""The reply-link scorer gives exactly the links it gave before it was made faster (a seeded channel).

`tests/data/reply_links_reference.json` was written by the scorer as it was before the banded,
vectorised rewrite (sparse matrix products, a Python loop per message); regenerate it only on purpose:
`.venv/bin/python -m tests.test_links_reference` (e.g. after retraining `link_model.json`).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from skills.threads.links import ChannelMessage, reply_links

REFERENCE = Path(__file__).parent / "data" / "reply_links_reference.json"
T0 = 1_764_000_000.0
PEOPLE = ["alice", "bob", "carol", "dan", "erin", "frank", "grace", "heidi", "ivan", "judy", "U0K1", "U0K2"]
TOPICS = ["the printer on floor two", "vpn drops every hour", "release notes for 4.2", "lunch order",
          "grub timeout at boot", "kernel 6.9 on arm", "flaky CI on main", "the billing export"]
OPENERS = ["how do I fix {t}?", "anyone seen {t} today", "hi", "hello all", "{t} is broken again",
           "what about {t}?", "thanks, {t} works now", "yes that fixed {t}", "and {t} too", "no idea about {t}",
           "ok", "try restarting {t}", "morning", "I think {t} needs a ticket", "sure, use the docs for {t}"]


def reference_channel(count: int = 5200, seed: int = 17) -> list[ChannelMessage]:
    """A busy, deterministic channel: mentions (Slack ids, nicks, `<at>`), questions, greetings, thanks,
    actions, joins, thread replies, bursts and long gaps; more than one scoring block (4,096) long."""
    rng = random.Random(seed)
    out: list[ChannelMessage] = []
    now = T0
    for k in range(count):
        now += rng.choice((1, 3, 10, 30, 60, 240, 3600)) * rng.random()
        user = rng.choice(PEOPLE)
        text = rng.choice(OPENERS).format(t=rng.choice(TOPICS))
        other = rng.choice([p for p in PEOPLE if p != user])
        roll = rng.random()
        if roll < 0.15:
            text = f"{other}: {text}"
        elif roll < 0.25:
            text = f"<@{other}> {text}"
        elif roll < 0.28:
            text = f"<at>{other}</at> {text}"
        elif roll < 0.33:
            text = f"{text} ({other} knows)"
        subtype, thread = None, None
        if roll > 0.99:
            subtype, text = "channel_join", f"<@{user}> has joined the channel"
        elif roll > 0.975:
            subtype = "me_message"
        elif roll > 0.9 and out:
            thread = rng.choice(out[-30:]).ts
        ts = f"{now:.6f}"
        out.append(ChannelMessage(ts=ts, user=user, text=text, thread_ts=thread, subtype=subtype))
    return out


def links_as_json(messages: list[ChannelMessage]) -> dict:
    index = {m.ts: k for k, m in enumerate(messages)}
    links = reply_links(messages)
    return {"parents": [-1 if link.parent_ts is None else index[link.parent_ts] for link in links],
            "scores": [round(link.score, 6) for link in links]}


def test_the_scorer_gives_the_reference_links_exactly():
    expected = json.loads(REFERENCE.read_text())
    got = links_as_json(reference_channel())
    assert got["parents"] == expected["parents"]
    assert max(abs(a - b) for a, b in zip(got["scores"], expected["scores"])) <= 2e-6


def test_the_reference_channel_exercises_every_kind_of_link():
    expected = json.loads(REFERENCE.read_text())
    parents = expected["parents"]
    assert len(parents) > 4096  # crosses a scoring block, so the block context is checked too
    assert sum(p == -1 for p in parents) > 100 and sum(p >= 0 and k - p > 1 for k, p in enumerate(parents)) > 500


def test_band_cosine_is_the_tf_idf_cosine_of_each_message_with_the_window_before_it():
    import numpy as np

    from skills.threads.links import _band_cosine
    from skills.threads.text import words

    channel = reference_channel(count=300, seed=3)
    tokens = [words(m.text) for m in channel]
    w = 7
    band = _band_cosine(tokens, w)
    vocab = sorted({t for toks in tokens for t in toks})
    tf = np.array([[t in set(toks) for t in vocab] for toks in tokens], dtype=np.float64)
    idf = np.log((len(tokens) + 1) / (tf.sum(axis=0) + 1)) + 1.0
    x = tf * idf
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    dense = x @ x.T
    for i in range(len(channel)):
        for d in range(1, w + 1):
            expected = dense[i, i - d] if i >= d else 0.0
            assert abs(band[i, d] - expected) < 1e-5, (i, d)
    assert (band[:, 0] == 0).all() and (band > 0).sum() > 300  # the channel does share words


def test_band_partners_follows_who_mentioned_whom_message_by_message():
    import numpy as np

    from skills.threads.links import _band_partners

    rng = random.Random(5)
    n, w, people = 400, 9, 6
    author = np.array([rng.randrange(people) for _ in range(n)])
    mentions = [(i, k) for i in range(n) for k in range(people) if k != author[i] and rng.random() < 0.04]
    got = _band_partners(author, np.array([i for i, _ in mentions], dtype=np.int64),
                         np.array([k for _, k in mentions], dtype=np.int64), people, w)
    last_talk: dict[frozenset, int] = {}
    by_row: dict[int, list[int]] = {}
    for i, k in mentions:
        by_row.setdefault(i, []).append(k)
    for i in range(n):
        for d in range(1, w + 1):
            pair = frozenset((int(author[i]), int(author[i - d]))) if i >= d else None
            expected = pair is not None and last_talk.get(pair, -10**9) >= i - w
            assert bool(got[i, d]) == expected, (i, d)
        for k in by_row.get(i, []):
            last_talk[frozenset((int(author[i]), k))] = i
    assert got.sum() > 50 and not got[:, 0].any()


def test_mentioned_users_reads_ascii_and_other_text_alike():
    from skills.threads.text import mentioned_users

    known = {"alice": "alice", "bob": "bob", "x": "x", "d[a]n": "d[a]n"}
    for text in ("Bob: try it", "ask ALICE or bob", "x: not a nick", "D[a]n|bob yes", "<@U1> bob?", "no one"):
        fast = mentioned_users(text, known)
        slow = mentioned_users(text + " é", known)  # non-ASCII text takes the token-by-token path
        assert fast == slow, text
    assert mentioned_users("Bob: try alice's fix", known) == ({"bob", "alice"}, "bob")


def test_ascii_text_splits_into_the_nick_tokens_of_the_pattern():
    import string

    from skills.threads.text import _ASCII_NICK_SPACES, NICK_TOKEN

    rng = random.Random(3)
    texts = ["".join(rng.choice(string.printable) for _ in range(rng.randint(0, 60))) for _ in range(5000)]
    for text in [*texts, "d[a]n|x: ok", "a-b_c `q` {z} \\w ^"]:
        assert text.lower().translate(_ASCII_NICK_SPACES).split() == NICK_TOKEN.findall(text.lower()), text


def _odd_texts(count: int, seed: int) -> list[str]:
    """Chat-like texts with what the block readers must get right: mentions of every form (a `<@U…|label>` whose
    label has no end, a NUL of its own), nicks first and later, capitals, non-ASCII (final sigma, the Kelvin sign,
    Hindi), texts over 400 characters, empty ones."""
    import string

    rng = random.Random(seed)
    pieces = ["bob:", "Alice", "d[a]n|x", "<@U0K1>", "<@U0K2|grace>", "<@U0K1|no end", "<at>bob</at>", "x", "ok",
              "thanks", "why?", "ΟΔΟΣ", "\u212a", "प्रिया", "py.test", "it's", "--", "\x00", " ", "\n", "ALICE's",
              "what", "<", ">", "|", "the", "of", "thanks", "Thank", "ty!",
              "\x1c", "\u00a0", ",,", "-", "<@u1>", "?", "_x_", "a..b", "'quoted'", ".dot.", "x'", "9.5", "--py.test."]
    out = ["", " ", "\x00", "who", "a" * 401, "bob " * 120]
    for _ in range(count):
        words_ = [rng.choice(pieces) if rng.random() < 0.6 else "".join(rng.choice(string.printable)
                                                                       for _ in range(rng.randint(1, 8)))
                  for _ in range(rng.randint(0, 12))]
        out.append(" ".join(words_) if rng.random() < 0.8 else "".join(words_))
    return out


def test_block_readers_read_each_text_as_the_per_message_readers_do():
    """`block_words`, `block_mentions` and `_first_words_and_thanks` (the scorer's one-pass readers of a block)
    against `words`, `mentioned_users` and each text's lower-cased words, on blocks that take the fast path
    (plain ASCII) and blocks that do not."""
    from skills.threads.links import _THANKS, _first_word, _first_words_and_thanks
    from skills.threads.text import block_mentions, block_words, mentioned_users, words

    known = {"bob": "U_bob", "alice": "U_alice", "d[a]n": "U_dan", "x": "U_x", "grace": "U0K2", "οδος": "U_g"}
    channel = [m.text for m in reference_channel(count=600, seed=9)]
    odd = _odd_texts(3000, seed=4)
    plain = [t for t in odd if t.isascii() and "<" not in t and "\x00" not in t and len(t) <= 400]
    ascii_ = [t for t in odd if t.isascii() and "\x00" not in t]  # one pass over the block, mentions and all
    blocks = [channel, odd, plain, ascii_, odd[:1], [], [""], ["\x00"], ["ok\x00bob: hi"], ["<@U0K1|no end", "bob > x"]]
    for texts in (odd, plain, ascii_):
        blocks += [texts[k:k + 50] for k in range(0, len(texts), 50)]
    for texts in blocks:
        assert block_words(texts) == [t for text in texts for t in (*words(text), "\x00")], texts[:3]
        lowered = [text.lower().split() for text in texts]
        assert _first_words_and_thanks(texts) == ([_first_word(w) for w in lowered],
                                                  [not _THANKS.isdisjoint(w) for w in lowered]), texts[:3]
        said = block_mentions(texts, known)
        for i, text in enumerate(texts):
            found, addressed = mentioned_users(text, known)
            assert said.get(i, (set(), None)) == (found, addressed), text
        assert all(said[i][0] or said[i][1] is not None for i in said)
    assert sum(bool(block_mentions(b, known)) for b in blocks) > 20
    odd_known = {**known, "\x00": "U_nul"}  # a name with the separator in it: each text read on its own
    said = block_mentions(plain[:200], odd_known)
    assert all(said.get(i, (set(), None)) == mentioned_users(text, odd_known) for i, text in enumerate(plain[:200]))
    assert said


if __name__ == "__main__":
    REFERENCE.write_text(json.dumps(links_as_json(reference_channel()), separators=(",", ":")) + "\n")
    print(f"wrote {REFERENCE}", file=sys.stderr)


def test_nearest_keeps_only_the_first_flag_of_each_row():
    """`_nearest` (one `argmax` a row) is the running-`or` definition: flags[:, d] and none of flags[:, :d]."""
    import numpy as np

    from skills.threads.links import _nearest

    rng = np.random.default_rng(7)
    for shape, density in (((300, 50), 0.05), ((40, 7), 0.5), ((5, 1), 0.5), ((6, 0), 0.5), ((0, 4), 0.5)):
        flags = rng.random(shape) < density
        seen = np.zeros_like(flags)
        if shape[1] > 1:
            np.logical_or.accumulate(flags[:, :-1], axis=1, out=seen[:, 1:])
        out = np.full(shape, 9.0, dtype=np.float32)  # every cell is written
        _nearest(flags, out)
        assert (out == (flags & ~seen)).all(), shape


def test_seconds_reads_each_message_as_its_property_does():
    """`_seconds` (every `ts` through `float` in C) gives each message's `seconds`, also when a message carries
    `at` (Teams) or a `ts` that is not a number (0.0)."""
    import numpy as np

    from skills.threads.links import _seconds

    plain = reference_channel(count=200, seed=2)
    teams = [*plain[:5], ChannelMessage(ts="19:abc", user="u", text="x", at=1_764_000_123.5), *plain[5:9]]
    odd = [*plain[:5], ChannelMessage(ts="not-a-number", user="u", text="x"), *plain[5:9]]
    for messages in (plain, teams, odd, [], plain[:1]):
        got = _seconds(messages)
        assert got.dtype == np.float64
        assert got.tolist() == [m.seconds for m in messages]


def test_decimal_stamps_are_the_doubles_float_reads():
    """`_decimal_stamps` (a stamp's digits as a whole number, divided by a power of ten once) gives `float`'s own
    double for every stamp it reads, and declines stamps of mixed shapes, signs, letters, or too many digits."""
    from skills.threads.links import _decimal_stamps

    rng = random.Random(11)
    read = 0
    for _ in range(20000):
        width, dot = rng.randint(1, 20), rng.randint(-1, 18)
        stamps = ["".join(rng.choice("0123456789") for _ in range(width)) for _ in range(rng.randint(1, 4))]
        stamps = [s[:dot] + "." + s[dot + 1:] if 0 <= dot < width else s for s in stamps]
        got = _decimal_stamps(stamps)
        if got is not None:
            read += 1
            assert got.tolist() == [float(s) for s in stamps], stamps
    assert read > 10000
    assert _decimal_stamps(["1700000000.123456", "1100521080.000001"]).tolist() == [1700000000.123456, 1100521080.000001]
    for declined in ([], ["."], ["12a.5"], ["1.5", "22"], ["1.5", "22."], ["-1.5"], ["1e5"], ["9" * 19]):
        assert _decimal_stamps(declined) is None, declined
