"""The weekly channel digest: top threads, decisions, open questions, action items, etiquette stats and a chart."""

from __future__ import annotations

from skills.digest.build import Digest, DigestItem, DigestThread, build_digest
from skills.digest.chart import activity_chart_png, working_share
from skills.digest.week import Week

__all__ = [
    "Digest", "DigestItem", "DigestThread", "Week", "activity_chart_png", "build_digest", "working_share",
]
