"""Text from people made inert before Streamlit's Markdown or Plotly's HTML labels can interpret it.

Streamlit renders Markdown (links, images, autolinks, emoji and icon shortcodes, colours, maths) in
titles, headers, toasts, alerts, captions, widget labels and help; Plotly reads `<a>`, `<b>`, `<br>`
in labels and hover text. Both decode HTML character references, so markup characters become
numeric references there: they show as themselves and mean nothing. A URL is not a link by its
characters alone (GitHub-flavoured Markdown links bare `http://`, `www.` and e-mail addresses): an
invisible word joiner after a colon, before an `@` and inside `www.` keeps the text the same
to the eye but stops any link, emoji or icon from forming. Backslash escapes are not used: inside
an autolink they stay visible.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
# Characters that open Markdown, HTML, Streamlit directive, table, strikethrough or maths syntax.
MARKUP = frozenset("\\`*_[]<>#|~$&")
# `http://`, `:smile:`, `:red[`: a colon starts something only when text follows it at once.
_COLON_BEFORE_TEXT = re.compile(r":(?=\S)")
_AT_AFTER_TEXT = re.compile(r"(?<=\S)@")
_WWW = re.compile(r"(www)(\.)", re.IGNORECASE)
# At the start of a block these make a list, a quote or a heading underline.
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])")
_LEADING_MARKERS = frozenset("-+=")


def inert(value: object) -> str:
    """Show `value` exactly as typed, on one line, wherever Streamlit or Plotly would read markup."""
    text = " ".join(str(value).split())
    text = "".join(f"&#{ord(ch)};" if ch in MARKUP else ch for ch in text)
    text = _COLON_BEFORE_TEXT.sub(":" + WORD_JOINER, text)
    text = _AT_AFTER_TEXT.sub(WORD_JOINER + "@", text)
    text = _WWW.sub(rf"\1{WORD_JOINER}\2", text)
    text = _LIST_NUMBER.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text)
    if text[:1] in _LEADING_MARKERS:
        text = f"&#{ord(text[0])};{text[1:]}"
    return text
