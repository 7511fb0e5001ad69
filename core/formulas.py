"""Spreadsheet formula injection: text that a spreadsheet program would run as a formula.

A text cell starting with =, +, -, @, a tab or a carriage return is written with a leading
apostrophe, so Excel or LibreOffice shows it as text instead of running it (OWASP "CSV
injection"). Numbers and dates are never passed through here.

The two functions are exact inverses: `restore_formula(neutralise_formula(t)) == t` for every
text. For that, a text that already starts with an apostrophe followed by one of those
characters (or by a second apostrophe) gets an apostrophe too; every other text is unchanged.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_STARTS = tuple("'" + c for c in (*FORMULA_STARTS, "'"))


def neutralise_formula(text: str) -> str:
    """The text as a cell value that a spreadsheet shows and never runs."""
    if text.startswith(FORMULA_STARTS) or text.startswith(_ESCAPED_STARTS):
        return "'" + text
    return text


def restore_formula(text: str) -> str:
    """The original text of a cell written by `neutralise_formula`."""
    return text[1:] if text.startswith(_ESCAPED_STARTS) else text
