"""QR codes as inline SVG (segno), for pages and for PDFs alike.

The SVG scales with its container (no fixed size), so the template decides how large it prints.
"""

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, *, title: str = "") -> SafeString:
    """An SVG QR code for `data` (error correction M: survives a crease or a smudge), with a
    <title> for screen readers and PDF text layers. Dark modules on white, a quiet zone of four
    modules as the standard asks."""
    code = segno.make(data, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff")
    label = escape(title or data)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    # segno writes the <path> right after the opening tag; a title goes first.
    head, rest = svg.split(">", 1)
    return mark_safe(f"{head}><title>{label}</title>{rest}")
