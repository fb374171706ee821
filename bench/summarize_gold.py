"""Precision/recall of the offline summarizer's decisions, action items and open questions on a hand-written gold set.

    .venv/bin/python -m bench.summarize_gold                 # dev split: offline engine vs keyword baseline
    .venv/bin/python -m bench.summarize_gold --split test    # the test split (score once per change, never tune)
    .venv/bin/python -m bench.summarize_gold --verbose       # also every missed and spurious item, per thread
    .venv/bin/python -m bench.summarize_gold --json          # the figures as JSON too
    .venv/bin/python -m bench.summarize_gold --numbers 520-629   # only the threads numbered 520 to 629

With LLM_BASE_URL and LLM_MODEL set (as for the bot), the LLM engine is scored in the same run too.

Each gold file carries `split` (dev: tune on it; test: report it), `category` and `lang`; figures are given
overall, per category and per language. "No decision" accuracy: a thread's summary claims a decision when it
lists one; the claim is right when the gold lists one too (and wrong both ways otherwise).

Gold: one Slack thread per file in tests/data/summaries_gold/ (`{"messages", "users", "gold"}`), annotated by hand
from the thread's meaning before the engine was run on it. An action item is work still to do when the thread
ends (work reported done inside the thread is not one); a decision is what the group settled, rejected proposals
included only as what was chosen instead; an open question is one the thread leaves unanswered or parks.

Matching rule (the same for every system and every kind of item): each text becomes a set of content words
(lower-cased words, whole with their combining marks, CJK text as character pairs; stopwords in English/Spanish/French/German and the thread's participant names
dropped, a crude suffix strip: -ing, -ed, -es, -s); the similarity of a predicted and a gold item is the Dice
coefficient of those sets, 2|P∩G| / (|P|+|G|). Pairs scoring ≥ THRESHOLD (0.3) are matched one-to-one,
greedily, highest score first. Matched pairs are true positives; unmatched predictions are false positives,
unmatched gold items false negatives; P/R/F1 are micro-averaged over all threads. Owner accuracy is over
matched action items (owner names compared case-insensitively; both "no owner" counts as agreeing); due
accuracy likewise (equal after lower-casing, or one contained in the other). A threshold sweep shows how much
the figures depend on the 0.3 choice.

Baseline (trivial, per whole message, code and links removed): a message containing a decision keyword
(decided, decision, agreed, let's, go with, "it is") is a decision; a message containing will / 'll / can you /
could you / please is an action item, owned by the speaker for "I'll"/"I will", by the addressee for
"@Name ..." or "Name, can you", else by nobody; due is the first weekday/today/tomorrow/tonight word; a message
ending in "?" is an open question.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex

from adapters.slack.export_thread import parse_slack_thread
from skills.summarize.extractive import STOPWORDS, summarize
from skills.summarize.utterance import Utterance, clean_text

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO_ROOT / "tests" / "data" / "summaries_gold"
THRESHOLD = 0.3
SWEEP = (0.2, 0.3, 0.4, 0.5)
KINDS = ("decisions", "action_items", "open_questions")

# Non-English function words, so Spanish/French/German threads are compared on content too.
_OTHER_STOPWORDS = frozenset("""
el la los las un una unos unas de del al y o que en por para con se lo le les su sus es no si ya yo tu mi
más mejor entonces todavía está esta este esto pero como muy
le la les un une des de du et ou que qui en pour sur dans au aux ce cet cette est pas on je tu il elle nous vous
ils ne se sa son ses plus avec par d l qu j c
der die das den dem des ein eine einen einem und oder zu im in am an auf für mit ist ich du er sie wir ihr es
dann das bis euch nicht auch noch von
o os as um uma uns umas do da dos das no na nos nas ao aos em por para com se é não sim já mais mas como muito
""".split())
# Letters with their combining marks (Devanagari vowel signs, Arabic harakat, accents) stay one word.
_WORD = regex.compile(r"[\w\p{M}]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")
_DECISION_KEYWORD = re.compile(r"\b(?:decided|decision|agreed|let'?s|go with|it is)\b", re.I)
_ACTION_KEYWORD = re.compile(r"\b(?:will|can you|could you|please)\b|'ll\b", re.I)
_FIRST_PERSON_WILL = re.compile(r"\bI(?:'ll| will)\b", re.I)
_ADDRESSED = re.compile(r"^\s*@?([\w.-]+)\s*,|@([\w.-]+)")
_DUE_WORD = re.compile(
    r"\b(?:(?:next |this )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|tonight)\b", re.I)


# ---- data -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldThread:
    name: str
    utterances: list[Utterance]
    decisions: list[str]
    action_items: list[dict]  # {"owner", "text", "due"}
    open_questions: list[str]
    split: str = "dev"
    category: str = ""
    lang: str = "en"


@dataclass(frozen=True)
class Prediction:
    """What one system found in one thread; action items as {"owner", "text", "due"} like the gold."""

    decisions: list[str] = field(default_factory=list)
    action_items: list[dict] = field(default_factory=list)
    open_questions: list[str] = field(default_factory=list)


def load_gold(path: Path) -> GoldThread:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    gold = data["gold"]
    return GoldThread(Path(path).stem, parse_slack_thread(data), list(gold["decisions"]),
                      [dict(item) for item in gold["action_items"]], list(gold["open_questions"]),
                      data.get("split", "dev"), data.get("category", ""), data.get("lang", "en"))


def load_all(directory: Path = GOLD_DIR, split: str = "all") -> list[GoldThread]:
    threads = [load_gold(path) for path in sorted(Path(directory).glob("*.json"))]
    return [t for t in threads if split == "all" or t.split == split]


def gold_as_prediction(thread: GoldThread) -> Prediction:
    return Prediction(list(thread.decisions), [dict(a) for a in thread.action_items], list(thread.open_questions))


# ---- matching ---------------------------------------------------------------------------------------


def content_words(text: str, names: frozenset[str] = frozenset()) -> frozenset[str]:
    words = set()
    lowered = text.lower()
    for run in _CJK.findall(lowered):  # no spaces between words: compare character pairs
        words.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    for word in _WORD.findall(_CJK.sub(" ", lowered)):
        if word in STOPWORDS or word in _OTHER_STOPWORDS or word in names or (len(word) < 2 and not word.isdigit()):
            continue
        stem = _SUFFIX.sub("", word)
        words.add(stem if len(stem) >= 3 else word)
    return frozenset(words)


def similarity(a: str, b: str, names: frozenset[str] = frozenset()) -> float:
    """Dice coefficient of the two texts' content words (0 when either has none)."""
    left, right = content_words(a, names), content_words(b, names)
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def match(predicted: list[str], gold: list[str], threshold: float = THRESHOLD,
          names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, greedily by descending similarity, ≥ threshold."""
    scored = sorted(((similarity(p, g, names), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
                    key=lambda x: (-x[0], x[1], x[2]))
    used_p, used_g, pairs = set(), set(), []
    for score, i, j in scored:
        if score < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _same_owner(a: str | None, b: str | None) -> bool:
    return (a or "").strip().lower() == (b or "").strip().lower()


def _same_due(a: str | None, b: str | None) -> bool:
    a, b = (a or "").strip().lower(), (b or "").strip().lower()
    return a == b or bool(a and b and (a in b or b in a))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    owner_right: int = 0
    due_right: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _texts(items: list) -> list[str]:
    return [item["text"] if isinstance(item, dict) else item for item in items]


def speaker_words(thread: GoldThread) -> frozenset[str]:
    """The words of the participants' names: left out when lines are compared (a task is not about its owner)."""
    return frozenset(w for u in thread.utterances for w in _WORD.findall(u.speaker.lower()))


def score(threads: list[GoldThread], predictions: list[Prediction], threshold: float = THRESHOLD,
          misses: list | None = None) -> dict[str, Counts]:
    """Micro-averaged counts per kind; `misses` (when given) collects (thread, kind, "missed"/"spurious", text)."""
    totals = {kind: Counts() for kind in KINDS}
    for thread, prediction in zip(threads, predictions, strict=True):
        names = speaker_words(thread)
        for kind in KINDS:
            predicted, gold = getattr(prediction, kind), getattr(thread, kind)
            pairs = match(_texts(predicted), _texts(gold), threshold, names)
            counts = totals[kind]
            counts.tp += len(pairs)
            counts.fp += len(predicted) - len(pairs)
            counts.fn += len(gold) - len(pairs)
            if kind == "action_items":
                counts.owner_right += sum(_same_owner(predicted[i]["owner"], gold[j]["owner"]) for i, j in pairs)
                counts.due_right += sum(_same_due(predicted[i]["due"], gold[j]["due"]) for i, j in pairs)
            if misses is not None:
                matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
                misses += [(thread.name, kind, "missed", g) for j, g in enumerate(_texts(gold)) if j not in matched_g]
                misses += [(thread.name, kind, "spurious", p) for i, p in enumerate(_texts(predicted))
                           if i not in matched_p]
    return totals


# ---- systems ----------------------------------------------------------------------------------------


def engine(thread: GoldThread) -> Prediction:
    summary = summarize(thread.utterances)
    return Prediction(
        [item.text for item in summary.decisions],
        [{"text": item.text, "owner": item.owner, "due": item.due} for item in summary.action_items],
        [item.text for item in summary.open_questions],
    )


def keyword_baseline(thread: GoldThread) -> Prediction:
    prediction = Prediction()
    people = {u.speaker.lower(): u.speaker for u in thread.utterances}
    for u in thread.utterances:
        text = clean_text(u.text)
        if not text or u.is_bot:
            continue
        if _DECISION_KEYWORD.search(text):
            prediction.decisions.append(text)
        if _ACTION_KEYWORD.search(text):
            owner = None
            if _FIRST_PERSON_WILL.search(text):
                owner = u.speaker
            elif addressed := _ADDRESSED.search(text):
                owner = people.get((addressed.group(1) or addressed.group(2)).lower())
            due = _DUE_WORD.search(text)
            prediction.action_items.append({"text": text, "owner": owner, "due": due.group(0) if due else None})
        if text.rstrip().endswith("?"):
            prediction.open_questions.append(text)
    return prediction


SYSTEMS = {"offline engine": engine, "keyword baseline": keyword_baseline}


def llm_system():
    """The LLM engine as a system, when LLM_BASE_URL and LLM_MODEL are configured; else None."""
    import asyncio

    from bot.config import get_settings
    from skills.summarize import llm_config
    from skills.summarize.llm import LLMSummarizer

    config = llm_config(get_settings())
    if config is None:
        return None
    summarizer = LLMSummarizer(config)

    def system(thread: GoldThread) -> Prediction:
        summary = asyncio.run(summarizer.summarize(thread.utterances))
        return Prediction([d.text for d in summary.decisions],
                          [{"text": a.text, "owner": a.owner, "due": a.due} for a in summary.action_items],
                          [q.text for q in summary.open_questions])

    return system


# ---- report -----------------------------------------------------------------------------------------


def decided_accuracy(threads: list[GoldThread], predictions: list[Prediction]) -> dict:
    """How often the summary is right about whether anything was decided (overall, and on undecided threads)."""
    right = [bool(p.decisions) == bool(t.decisions) for t, p in zip(threads, predictions)]
    undecided = [r for t, r in zip(threads, right) if not t.decisions]
    return {"accuracy": 100 * sum(right) / len(right) if right else 0.0,
            "undecided_threads": len(undecided),
            "undecided_right": 100 * sum(undecided) / len(undecided) if undecided else 0.0}


def run(threads: list[GoldThread], threshold: float = THRESHOLD, systems: dict | None = None) -> dict:
    systems = systems or SYSTEMS
    figures: dict = {"threads": len(threads), "threshold": threshold,
                     "gold_items": {kind: sum(len(getattr(t, kind)) for t in threads) for kind in KINDS},
                     "systems": {}, "sweep": {}, "misses": {}, "decided": {}, "by_category": {}, "by_lang": {}}
    for name, system in systems.items():
        predictions = [system(t) for t in threads]
        misses: list = []
        counts = score(threads, predictions, threshold, misses)
        figures["systems"][name] = {kind: _as_dict(c, kind) for kind, c in counts.items()}
        figures["misses"][name] = misses
        figures["decided"][name] = decided_accuracy(threads, predictions)
        figures["sweep"][name] = {
            str(t): {kind: round(100 * c.f1, 1) for kind, c in score(threads, predictions, t).items()} for t in SWEEP}
        for group, key in (("by_category", "category"), ("by_lang", "lang")):
            parts: dict[str, list[int]] = {}
            for i, t in enumerate(threads):
                parts.setdefault(getattr(t, key), []).append(i)
            figures[group][name] = {
                value: {kind: round(100 * c.f1, 1) for kind, c in
                        score([threads[i] for i in idx], [predictions[i] for i in idx], threshold).items()} | {"threads": len(idx)}
                for value, idx in sorted(parts.items())}
    return figures


def _as_dict(c: Counts, kind: str) -> dict:
    out = {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": 100 * c.precision, "recall": 100 * c.recall,
           "f1": 100 * c.f1}
    if kind == "action_items":
        out["owner_accuracy"] = 100 * c.owner_right / c.tp if c.tp else 0.0
        out["due_accuracy"] = 100 * c.due_right / c.tp if c.tp else 0.0
    return out


def print_table(figures: dict) -> None:
    gold = figures["gold_items"]
    names = list(figures["systems"])
    print(f"{figures['threads']} threads; gold: {gold['decisions']} decisions, {gold['action_items']} action items, "
          f"{gold['open_questions']} open questions; match: Dice ≥ {figures['threshold']}")
    print(f"\n{'kind':<16}{'system':<18}{'TP':>4}{'FP':>4}{'FN':>4}{'P':>7}{'R':>7}{'F1':>7}{'owner':>8}{'due':>7}")
    for kind in KINDS:
        for name in names:
            c = figures["systems"][name][kind]
            extra = f"{c['owner_accuracy']:8.1f}{c['due_accuracy']:7.1f}" if kind == "action_items" else ""
            print(f"{kind:<16}{name:<18}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}"
                  f"{c['precision']:7.1f}{c['recall']:7.1f}{c['f1']:7.1f}{extra}")
    print("\n\"anything decided?\" right (all threads / threads where nothing was decided)")
    for name in names:
        d = figures["decided"][name]
        print(f"{name:<18}{d['accuracy']:7.1f} / {d['undecided_right']:5.1f} of {d['undecided_threads']}")
    for group, title in (("by_category", "category"), ("by_lang", "language")):
        print(f"\nF1 by {title} (decisions / action items / open questions)")
        print(f"{title:<20}{'threads':>8}" + "".join(f"{name:>26}" for name in names))
        first = figures[group][names[0]]
        for value in first:
            cells = "".join("{:>26}".format(" / ".join(f"{figures[group][n][value][k]:5.1f}" for k in KINDS)) for n in names)
            print(f"{value:<20}{first[value]['threads']:>8}{cells}")
    print("\nF1 by match threshold")
    print(f"{'system':<18}{'threshold':>10}" + "".join(f"{k:>16}" for k in KINDS))
    for name in names:
        for t, by_kind in figures["sweep"][name].items():
            print(f"{name:<18}{t:>10}" + "".join(f"{by_kind[k]:16.1f}" for k in KINDS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="directory of gold thread files")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev",
                        help="which part of the gold set (tune on dev; report test)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="Dice similarity needed to match")
    parser.add_argument("--verbose", action="store_true", help="list every missed and spurious item")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--numbers", metavar="LOW-HIGH", help="only the threads whose file name starts with a number "
                        "in this range (a batch: 520-629; the rest of dev: 0-519)")
    args = parser.parse_args(argv)
    threads = load_all(args.gold, args.split)
    if args.numbers:
        low, high = (int(n) for n in args.numbers.split("-"))
        threads = [t for t in threads if (n := re.match(r"\d+", t.name)) and low <= int(n.group()) <= high]
    if not threads:
        print(f"no gold files in {args.gold} for split {args.split}", file=sys.stderr)
        return 2
    systems = dict(SYSTEMS)
    if (llm := llm_system()) is not None:
        systems["llm engine"] = llm
    print(f"split: {args.split}")
    figures = run(threads, args.threshold, systems)
    print_table(figures)
    if args.verbose:
        for name, misses in figures["misses"].items():
            print(f"\n{name}: missed / spurious")
            for thread, kind, what, text in misses:
                print(f"  {thread:<30}{kind:<16}{what:<10}{text}")
    if args.json:
        print(json.dumps({k: v for k, v in figures.items() if k != "misses"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
