"""`paused_collector()`: Python's cyclic garbage collector held off while a batch of work runs.

Scoring a channel's reply links or summarizing a batch of a digest's threads makes many short-lived lists,
dicts and small objects and no reference cycles. Each allocation burst sets off collections that walk every
object the process holds (a whole channel's messages, a batch of threads) again, for nothing: a few per cent
of the time. Reference counting frees all of it as before; a cycle made meanwhile waits for the next collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    if not gc.isenabled():  # someone else paused it: theirs to resume
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
