"""Qt's translation machinery for the sentences of the Qt windows, typed, under the names lupdate knows.

In a QObject subclass a sentence is `self.tr("…")`; anywhere else it is `translate("Context", "…")`;
a sentence kept in a table (defined before any translator could be installed) is marked with
`QT_TRANSLATE_NOOP("Context", "…")` where it is written and passed through `translate` with the same
context where it is shown. `pyside6-lupdate` finds the literal sentences by these call names (a call
under any other name is not gathered), so `scripts/extract_words.py` can gather them all into
`resources/translations/runofshow.ts`.

Values go in afterwards, by name: `self.tr("Opened {path}").format(path=path)`, never an f-string,
which would hand lupdate no literal and a translator a sentence that changes every time.
No translator is installed today: every text comes back exactly as written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str) -> str:
    """`text` in the language of the installed translator (as written while there is none)."""
    return QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  # the name lupdate gathers by
    """Marks a sentence in a table for gathering; it is translated where shown, with `translate(context, text)`."""
    return text
