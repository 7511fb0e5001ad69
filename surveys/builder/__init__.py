"""The survey builder's writes: surveys from a template or empty, questions from the bank or
written by the coordinator, sections and matrices, show-if conditions, languages and their
translations, and the areas of a municipality. Each service runs in one transaction and writes
its audit entry; a refusal is a BuilderError whose message is a Swedish sentence for the page.
"""


class BuilderError(Exception):
    """A change the builder refuses, with a message saying what to do instead."""

    @property
    def message(self) -> str:
        return str(self.args[0])
