"""`quick_init` (skills/frozen.py): the same frozen dataclass instances, made faster."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from skills.frozen import quick_init
from skills.summarize.detect import Found, Sentence


def _made_by_dataclass(cls, *args, **kwargs):
    """An instance made by the `__init__` that `dataclass(frozen=True)` writes, for comparison."""
    plain = dataclass(frozen=True)(type(cls.__name__, (), {"__annotations__": dict(cls.__annotations__),
                                                            **{f.name: f.default for f in dataclasses.fields(cls)
                                                               if f.default is not dataclasses.MISSING}}))
    return plain(*args, **kwargs)


def test_instances_are_the_same_fields_defaults_equality_and_hash():
    s = Sentence("Ship it.", 2, "Ana", "1.0")
    assert vars(s) == vars(_made_by_dataclass(Sentence, "Ship it.", 2, "Ana", "1.0"))
    assert s == Sentence(text="Ship it.", index=2, speaker="Ana", source_id="1.0")
    assert hash(s) == hash(Sentence("Ship it.", 2, "Ana", "1.0")) and s != Sentence("Ship it.", 3, "Ana", "1.0")
    f = Found("ship it", "1.0", 2, owner="Ana")
    assert vars(f) == vars(_made_by_dataclass(Found, "ship it", "1.0", 2, owner="Ana"))
    assert dataclasses.replace(f, due="Friday").due == "Friday" and f.due is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.text = "changed"
    with pytest.raises(TypeError):
        Sentence("too", "few")


def test_classes_it_cannot_keep_the_same_are_refused():
    @dataclass(frozen=True)
    class Listed:
        items: list = field(default_factory=list)

    @dataclass(frozen=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            pass

    @dataclass
    class Mutable:
        n: int

    for cls in (Listed, Checked, Mutable):
        with pytest.raises(TypeError):
            quick_init(cls)
