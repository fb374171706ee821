"""`once`: a property computed on first read and kept on the instance, like `functools.cached_property`."""

from __future__ import annotations


class once:  # noqa: N801 - used as a decorator, like functools.cached_property
    """`functools.cached_property` without its lock: Python 3.11 takes one lock for every first read on every
    instance, and the detectors make hundreds of thousands of sentences in a week's digest and read each one's
    facts. Works on frozen dataclasses too (the value goes into the instance's `__dict__`)."""

    def __init__(self, func) -> None:
        self.func, self.name = func, func.__name__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
