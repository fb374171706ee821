"""How counts read in English in what the commands print and the digest posts: "1 reply", "3 replies"."""


def plural(n: int, one: str, many: str | None = None) -> str:
    """`n` and the noun that goes with it: `one` for exactly one, else `many` (default: `one` + "s")."""
    return f"{n} {one if n == 1 else many or one + 's'}"
