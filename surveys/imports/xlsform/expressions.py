"""The simple XLSForm expressions the platform can carry, read into its own terms.

`relevant` becomes a show-if condition (surveys.conditions):
    ${q} = 'x'              {"op": "in", "q": "q", "values": ["x"]}
    ${q} != 'x'             {"op": "not_in", "q": "q", "values": ["x"]}
    selected(${q}, 'x')     {"op": "selected", "q": "q", "value": "x"}
    ${q} != '' / ${q} = ''  answered / not answered
    ${n} >= 3 (a number)    {"op": "cmp", ...}
    and, or, not(…), parentheses
`constraint` becomes limits: `. >= 0 and . <= 100` → min/max, `string-length(.) <= 200` →
max_length. Anything else raises ExpressionError with a Swedish message saying what is
supported.
"""

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TOKEN = re.compile(
    r"""\s*(?:
      (?P<ref>\$\{\s*(?P<name>[^}]*?)\s*\})
    | '(?P<sq>[^']*)' | "(?P<dq>[^"]*)"
    | (?P<num>-?\d+(?:\.\d+)?)
    | (?P<op>!=|>=|<=|=|>|<)
    | (?P<punct>[(),.])
    | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
    )""",
    re.VERBOSE,
)
MAX_NUMBER = 10**12  # the largest limit or value a condition may name
NUMBER_KINDS = ("number",)
CHOICE_KINDS = ("single", "multiple")


class ExpressionError(ValueError):
    pass


@dataclass(frozen=True)
class Token:
    kind: str  # ref, str, num, op, punct, word, end
    text: str
    position: int


@dataclass(frozen=True)
class Known:
    """An earlier question a condition may refer to."""

    kind: str
    values: frozenset[str] | None  # choice values; None for other kinds


def tokens(text: str, help_text: object) -> list[Token]:
    found, position = [], 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = TOKEN.match(text, position)
        if match is None:
            raise ExpressionError(
                _("Tecknet ”%(char)s” (tecken %(pos)s) kan inte läsas.")
                % {"char": text[position:].strip()[:1], "pos": position + 1}
                + " "
                + str(help_text)
            )
        kind = match.lastgroup
        if kind == "name":
            kind = "ref"
        value = match.group(kind)
        if kind == "ref":
            value = match["name"]
        elif kind in ("sq", "dq"):
            kind, value = "str", match.group(kind)
        found.append(Token(kind, value, match.start(kind if kind != "str" else 0) + 1))
        position = match.end()
    found.append(Token("end", "", len(text) + 1))
    return found


RELEVANT_HELP = gettext_lazy(
    "Det som går att läsa in är ${fråga} = 'värde', ${fråga} != 'värde', "
    "selected(${fråga}, 'värde'), ${fråga} != '', jämförelser av tal som ${antal} >= 1, "
    "and, or, not(…) och parenteser."
)


class _Parser:
    help_text: object = ""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items = tokens(text, self.help_text)
        self.index = 0

    @property
    def current(self) -> Token:
        return self.items[self.index]

    def take(self) -> Token:
        token = self.items[self.index]
        self.index += 1
        return token

    def is_word(self, word: str) -> bool:
        return self.current.kind == "word" and self.current.text.lower() == word

    def expect(self, kind: str, text: str = "") -> Token:
        token = self.current
        if token.kind != kind or (text and token.text != text):
            self.unsupported(token)
        return self.take()

    def unsupported(self, token: Token) -> None:
        where = (
            _("vid ”%(text)s” (tecken %(pos)s)") % {"text": token.text, "pos": token.position}
            if token.kind != "end"
            else _("uttrycket tar slut för tidigt")
        )
        raise ExpressionError(self.refusal() % {"where": where, "help": self.help_text})

    def refusal(self) -> str:
        return _("Villkoret kan inte läsas in: %(where)s. %(help)s")


class RelevantParser(_Parser):
    help_text = RELEVANT_HELP

    def __init__(self, text: str, known: Mapping[str, Known]) -> None:
        super().__init__(text)
        self.known = known

    def parse(self) -> dict:
        condition = self.disjunction()
        if self.current.kind != "end":
            self.unsupported(self.current)
        return condition

    def disjunction(self) -> dict:
        parts = [self.conjunction()]
        while self.is_word("or"):
            self.take()
            parts.append(self.conjunction())
        return _joined("or", parts)

    def conjunction(self) -> dict:
        parts = [self.atom()]
        while self.is_word("and"):
            self.take()
            parts.append(self.atom())
        return _joined("and", parts)

    def atom(self) -> dict:
        token = self.current
        if token.kind == "punct" and token.text == "(":
            self.take()
            inner = self.disjunction()
            self.expect("punct", ")")
            return inner
        if self.is_word("not"):
            self.take()
            self.expect("punct", "(")
            inner = self.disjunction()
            self.expect("punct", ")")
            return {"op": "not", "arg": inner}
        if self.is_word("selected"):
            return self.selected()
        if token.kind == "ref":
            return self.comparison()
        self.unsupported(token)
        raise AssertionError  # unsupported() always raises

    def reference(self) -> tuple[str, Known]:
        token = self.expect("ref")
        known = self.known.get(token.text)
        if known is None:
            raise ExpressionError(
                _(
                    "Villkoret hänvisar till ${%(name)s}, men det finns ingen fråga med det "
                    "namnet före den här raden."
                )
                % {"name": token.text}
            )
        return token.text, known

    def selected(self) -> dict:
        self.take()
        self.expect("punct", "(")
        name, known = self.reference()
        self.expect("punct", ",")
        value = self.expect("str").text
        self.expect("punct", ")")
        if known.kind not in CHOICE_KINDS:
            raise ExpressionError(
                _("selected() fungerar bara på frågor med svarsalternativ, inte på ${%(name)s}.")
                % {"name": name}
            )
        _check_value(name, known, value)
        return {"op": "selected", "q": name, "value": value}

    def comparison(self) -> dict:
        name, known = self.reference()
        operator = self.expect("op").text
        literal = self.take()
        if literal.kind not in ("str", "num"):
            self.unsupported(literal)
        if literal.kind == "str" and literal.text == "" and operator in ("=", "!="):
            answered = {"op": "answered", "q": name}
            return answered if operator == "!=" else {"op": "not", "arg": answered}
        if known.kind in NUMBER_KINDS:
            return _number_comparison(name, operator, literal)
        if operator not in ("=", "!="):
            raise ExpressionError(
                _("${%(name)s} är ingen sifferfråga; jämför den bara med = eller !=.")
                % {"name": name}
            )
        if known.kind == "multiple":
            raise ExpressionError(
                _(
                    "${%(name)s} har flera svarsalternativ: skriv selected(${%(name)s}, '%(value)s') "
                    "i stället för = eller !=."
                )
                % {"name": name, "value": literal.text}
            )
        _check_value(name, known, literal.text)
        return {"op": "in" if operator == "=" else "not_in", "q": name, "values": [literal.text]}


def _number_comparison(name: str, operator: str, literal: Token) -> dict:
    try:
        value = float(literal.text)
    except ValueError as error:
        raise ExpressionError(
            _("${%(name)s} är en sifferfråga: jämför den med ett tal, inte ”%(value)s”.")
            % {"name": name, "value": literal.text}
        ) from error
    value = _bounded(value, literal.text)
    number = int(value) if value.is_integer() else value
    return {"op": "cmp", "q": name, "cmp": operator, "value": number}


def _bounded(value: float, text: str) -> float:
    """A number a survey can compare with (a longer one is a mistake, and infinity cannot be
    stored)."""
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise ExpressionError(
            _("Talet ”%(value)s” är för stort: högst %(max)s går att använda.")
            % {"value": text[:40], "max": f"{MAX_NUMBER:,}".replace(",", " ")}
        )
    return value


def _check_value(name: str, known: Known, value: str) -> None:
    if known.values is not None and value not in known.values:
        raise ExpressionError(
            _("${%(name)s} har inget svarsalternativ ”%(value)s”. Alternativen är: %(options)s.")
            % {"name": name, "value": value, "options": ", ".join(sorted(known.values))}
        )


def _joined(op: str, parts: list[dict]) -> dict:
    if len(parts) == 1:
        return parts[0]
    flat = []
    for part in parts:
        flat.extend(part["args"] if part.get("op") == op else [part])
    return {"op": op, "args": flat}


def parse_relevant(text: str, known: Mapping[str, Known]) -> dict:
    return RelevantParser(text, known).parse()


def combine(*conditions: dict | None) -> dict | None:
    """Conditions that must all hold (a group's and its question's), None when there are none."""
    present = [c for c in conditions if c is not None]
    if not present:
        return None
    return _joined("and", present)


# Constraints

CONSTRAINT_HELP = gettext_lazy(
    "Det som går att läsa in är gränser som . >= 0, . <= 100 (ihop med and) för tal och "
    "string-length(.) <= 200 för text."
)


class ConstraintParser(_Parser):
    help_text = CONSTRAINT_HELP

    def __init__(self, text: str, kind: str, integer: bool) -> None:
        super().__init__(text)
        self.kind, self.integer = kind, integer

    def refusal(self) -> str:
        return _("Begränsningen kan inte läsas in: %(where)s. %(help)s")

    def parse(self) -> dict:
        limits: dict = {}
        while True:
            self.bound(limits)
            if self.current.kind == "end":
                break
            if not self.is_word("and"):
                self.unsupported(self.current)
            self.take()
        if "min" in limits and "max" in limits and limits["min"] > limits["max"]:
            raise ExpressionError(_("Begränsningen släpper inte igenom något tal (min > max)."))
        return limits

    def bound(self, limits: dict) -> None:
        if self.kind == "text":
            self.expect("word", "string-length")
            self.expect("punct", "(")
            self.expect("punct", ".")
            self.expect("punct", ")")
        elif self.kind == "number":
            self.expect("punct", ".")
        else:
            self.unsupported(self.current)
        operator = self.expect("op").text
        literal = self.expect("num").text
        value = _bounded(float(literal), literal)
        if self.kind == "text":
            self.length(operator, value, limits)
        else:
            self.number(operator, value, limits)

    def length(self, operator: str, value: float, limits: dict) -> None:
        if operator not in ("<=", "<") or not value.is_integer() or value < 1:
            raise ExpressionError(
                _("För text går bara en största längd att läsa in, t.ex. string-length(.) <= 200.")
            )
        limits["max_length"] = int(value) - (1 if operator == "<" else 0)

    def number(self, operator: str, value: float, limits: dict) -> None:
        if operator in ("=", "!="):
            raise ExpressionError(
                _("Bara gränser (>=, <=, > och <) kan läsas in, inte = eller !=.")
            )
        strict = operator in (">", "<")
        if strict and not (self.integer and value.is_integer()):
            raise ExpressionError(
                _(
                    "För decimaltal går bara >= och <= att läsa in; skriv t.ex. . >= 0 i "
                    "stället för . > 0."
                )
            )
        if self.integer and not value.is_integer():
            raise ExpressionError(_("Ett heltal behöver heltalsgränser."))
        number = int(value) if value.is_integer() else value
        if operator in (">=", ">"):
            bound = number + 1 if strict else number
            limits["min"] = max(limits.get("min", bound), bound)
        else:
            bound = number - 1 if strict else number
            limits["max"] = min(limits.get("max", bound), bound)


def parse_constraint(text: str, kind: str, *, integer: bool = False) -> dict:
    return ConstraintParser(text, kind, integer).parse()
