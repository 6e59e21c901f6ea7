"""How a check's message is shown: HTML in JupyterLab (code as code, words never broken), plain text elsewhere.

>>> plain("Hint: use `wo.totals` on `ES-11/1`.")
'Hint: use wo.totals on ES-11/1.'
>>> html("Not yet. Hint: use `wo.totals`.", "not yet")  # doctest: +ELLIPSIS
'<div class="wo-check wo-not-yet" ...>Not yet.<br><b>Hint:</b> use <code ...>wo.totals</code>.</div>'
"""

from __future__ import annotations

import html as _html
import re

from worldorder.charts.theme import FEEDBACK_COLOURS, FEEDBACK_OTHER

_CODE = re.compile(r"`([^`]+)`")
_BOX = ("border-left: 4px solid {colour}; padding: 0.4em 0.8em; margin: 0.3em 0; font-family: inherit; "
        "white-space: normal; overflow-wrap: normal; word-break: normal; hyphens: none; max-width: 60em")
_CODE_STYLE = "white-space: nowrap; font-family: var(--jp-code-font-family, monospace)"


def plain(text: str) -> str:
    """The message as plain text: code spans without their backticks."""
    return _CODE.sub(r"\1", text)


def html(text: str, status: str) -> str:
    """The message as an HTML block: escaped, code spans as <code> that never wraps, each hint on its own line."""
    escaped = _html.escape(text, quote=False)
    escaped = _CODE.sub(lambda m: f'<code style="{_CODE_STYLE}">{m.group(1)}</code>', escaped)
    escaped = re.sub(r"\s*\b(Hint|A good answer|Your guess|The data):", r"<br><b>\1:</b>", escaped)
    css = status.replace(" ", "-")
    return (f'<div class="wo-check wo-{css}" role="status" style="{_BOX.format(colour=FEEDBACK_COLOURS.get(status, FEEDBACK_OTHER))}">'
            f"{escaped}</div>")
