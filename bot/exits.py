"""Exit codes of the `etiquette` command line (a contract, see README)."""

EXIT_BAD_INPUT = 2  # nothing done: a bad argument, or no input that could be read
EXIT_SKIPPED = 3  # done, but a file or message was skipped (each said on stderr, with its path and reason)
