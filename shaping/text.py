"""Text from CSVs made safe to show: never HTML, never Markdown that links or embeds.

Streamlit's markdown and Plotly's labels both interpret markup; the one small escaper here is
written by hand because neither library offers a plain-text mode for those places.
"""

import re
from urllib.parse import urlparse

# Characters that start Markdown or HTML syntax; escaped so CSV text shows exactly as written.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#+\-!|~$])")


def markdown_plain(text: object) -> str:
    """Text shown through st.markdown exactly as written (every Markdown and HTML character escaped)."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", "" if text is None else str(text)).replace("\n", " ")


def plotly_plain(text: object) -> str:
    """Text shown in a Plotly label: '<' and '>' as entities so no tag is ever interpreted."""
    return ("" if text is None else str(text)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: object) -> str | None:
    """The URL if it is http(s) with a host, else None (never a javascript: or data: link)."""
    text = "" if url is None else str(url).strip()
    try:
        parsed = urlparse(text)
    except ValueError:
        return None
    if parsed.scheme in ("http", "https") and parsed.netloc and not any(c in text for c in " <>\"'`"):
        return text
    return None


def markdown_link(label: str, url: object) -> str:
    """A Markdown link with escaped text, or the escaped text alone when the URL is not http(s)."""
    target = safe_url(url)
    text = markdown_plain(label)
    if target is None:
        return text
    return f"[{text}]({target.replace('(', '%28').replace(')', '%29')})"
