"""Every sentence a person reads in the Qt windows goes through Qt's translation machinery.

A look at the code (no Qt needed): no text setter or text-taking constructor of the Qt side (nor a
display's `scene.add`) is handed a bare string or f-string; it gets `self.tr(...)` or `translate(...)`
(or a value made elsewhere), and those are never handed an f-string. Then pyside6-lupdate: it really
finds every sentence so marked, and the gathered file, `resources/translations/runofshow.ts`, is up to
date with the code, so no sentence can be added without being gathered for review.

Not Qt's words, so not checked here: the engine's (core/words.py, core/phase_style.py, and the
Outcome messages they and the bridge give, which network clients read too), the command line's
(argparse help in app.py), and log lines, which are for the developer.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(ROOT / "runofshow" / "ui").glob("*.py"), *(ROOT / "runofshow" / "qt").glob("*.py"),
                  ROOT / "runofshow" / "app.py"])

# The calls that put a text in front of a person, and which of their arguments carry it (None: all).
TEXT_ARGUMENTS: dict[str, tuple[int, ...] | None] = {
    # Qt's own setters and constructors
    "setText": None, "setWindowTitle": None, "setToolTip": None, "setStatusTip": None, "setWhatsThis": None,
    "setPlaceholderText": None, "setInformativeText": None, "setDetailedText": None,
    "setHorizontalHeaderLabels": None, "addAction": None, "addMenu": None, "addButton": None,
    "QLabel": None, "QPushButton": None, "QAction": None, "QMenu": None, "QToolBar": None,
    "QTableWidgetItem": None, "QCheckBox": None, "QRadioButton": None, "QGroupBox": None,
    "getOpenFileName": (1, 3), "getSaveFileName": (1, 3),  # the caption and the file-type filter
    # ours: the status line, labels, the operator's questions, the displays' scenes
    "show_notice": None, "notice": None, "emit": None, "set_text_if_changed": None, "StyledLabel": None,
    "set_mode_banner": None, "problems": (0, 1), "confirm": (0, 1),
    "_add": (1,),  # OperatorWindow._add(menu, text, key, slot): the key ("Ctrl+O") is not a sentence
}
# QMessageBox's static boxes: (parent, title, text, ...). Named apart so log.warning(...) is not one of them.
MESSAGE_BOXES = {"question", "warning", "information", "critical"}

# True data handed to a text setter as a literal, and why it stays as it is.
ALLOWED: dict[tuple[str, str], str] = {
    ("runofshow/ui/operator.py", "runofshow"):
        "the program's name in the title bar until the first snapshot: a proper noun, the same in every language",
}


@dataclass(frozen=True)
class Bare:
    path: str
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text!r})"


MARKUP = re.compile(r"<[^>]*>|&\w+;")  # rich-text tags and entities: names for Qt, not words for a person


def has_words(text: str) -> bool:
    return any(character.isalpha() for character in MARKUP.sub("", text))


def bare_texts(node: ast.expr) -> list[str]:
    """The literal sentences in an argument that reach the screen without passing through tr()/translate()."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) and has_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        fixed = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        return [ast.unparse(node)] if has_words(fixed) else []
    if isinstance(node, ast.IfExp):
        return bare_texts(node.body) + bare_texts(node.orelse)
    if isinstance(node, ast.BinOp):
        return bare_texts(node.left) + bare_texts(node.right)
    if isinstance(node, ast.BoolOp):
        return [text for value in node.values for text in bare_texts(value)]
    if isinstance(node, ast.List | ast.Tuple):
        return [text for element in node.elts for text in bare_texts(element)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return bare_texts(node.func.value)  # "Opened {path}".format(...) is as bare as an f-string
    return []  # a name, an attribute, or a call: tr(...), translate(...), or a value made elsewhere


def call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        if func.attr in MESSAGE_BOXES and isinstance(func.value, ast.Name) and func.value.id == "QMessageBox":
            return f"QMessageBox.{func.attr}"
        if func.attr == "add" and isinstance(func.value, ast.Name) and func.value.id == "scene":
            return "scene.add"
        return func.attr
    return ""


def text_arguments(call: ast.Call, name: str) -> list[ast.expr]:
    if name.startswith("QMessageBox."):
        positions: tuple[int, ...] | None = (1, 2)
    elif name == "scene.add":
        positions = (0,)  # Scene.add(text, box, colour, ...)
    elif name in TEXT_ARGUMENTS:
        positions = TEXT_ARGUMENTS[name]
    else:
        return []
    chosen = [arg for index, arg in enumerate(call.args) if positions is None or index in positions]
    return chosen + [keyword.value for keyword in call.keywords if positions is None]


def bare_sentences(path: Path) -> list[Bare]:
    """Every bare text handed to a text setter in this file, the allowed ones included."""
    relative = path.relative_to(ROOT).as_posix()
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = call_name(node)
        for argument in text_arguments(node, name):
            found += [Bare(relative, argument.lineno, name, text) for text in bare_texts(argument)]
    return found


def bare_sentences_in(paths: list[Path]) -> list[Bare]:
    return sorted((finding for path in paths for finding in bare_sentences(path)), key=lambda b: (b.path, b.line))


def test_the_check_sees_a_bare_text_and_lets_a_wrapped_one_pass() -> None:
    code = ("label.setText('Ready')\n"
            "label.setText(f'Last: {x}')\n"
            "label.setText('Resume' if paused else self.tr('Pause'))\n"
            "label.setText('Opened {path}'.format(path=p))\n"
            "QMessageBox.warning(None, 'Cannot start', why)\n"
            "scene.add('Welcome', box)\n"
            "label.setText(self.tr('Ready'))\n"
            "label.setText(translate('Ctx', 'Opened {path}').format(path=p))\n"
            "label.setText(state.time_of_day.strftime('%H:%M:%S'))\n"
            "label.setText(' · '.join(parts))\n"
            "label.setText(f\"<span style='color:{MUTED}'> — {names}</span>\")\n"
            "log.warning('a message for the developer')\n"
            "self._add(menu, self.tr('Quit'), 'Ctrl+Q', self.close)\n")
    tree = ast.parse(code)
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    bare = [text for call in calls for argument in text_arguments(call, call_name(call))
            for text in bare_texts(argument)]
    assert bare == ["Ready", "f'Last: {x}'", "Resume", "Opened {path}", "Cannot start", "Welcome"]


def test_every_text_on_the_qt_side_goes_through_tr_or_translate() -> None:
    bare = [finding for finding in bare_sentences_in(SOURCES) if (finding.path, finding.text) not in ALLOWED]
    assert not bare, ("texts a person reads, not passed through self.tr(...) or translate(...) "
                      "(see docs/architecture.md, 'where words live'):\n" + "\n".join(map(str, bare)))


def test_the_allow_list_has_no_stale_entries() -> None:
    seen = {(finding.path, finding.text) for finding in bare_sentences_in(SOURCES)}
    assert set(ALLOWED) - seen == set(), "allowed, but no longer handed to a text setter: drop it from ALLOWED"


# -- what the translation calls are handed ----------------------------------------------------------------


class Marked(ast.NodeVisitor):
    """Every sentence the code hands to tr()/translate()/QT_TRANSLATE_NOOP(), as (context, text) like lupdate's.

    `self.tr` takes the context of the class it is written in; the others name it. A call handed a
    name rather than a literal (a table's entry being shown) has nothing to gather and is left out.
    """

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: set[tuple[str, str]] = set()
        self.formatted: list[str] = []  # f-strings handed to a translation call: never allowed

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func, args = node.func, node.args
        if isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name) \
                and func.value.id == "self" and args:
            self._mark(self.classes[-1] if self.classes else "", args[0], node)
        elif ((isinstance(func, ast.Name) and func.id in ("translate", "QT_TRANSLATE_NOOP"))
              or (isinstance(func, ast.Attribute) and func.attr == "translate"
                  and isinstance(func.value, ast.Name) and func.value.id == "QCoreApplication")) and len(args) >= 2:
            context = args[0].value if isinstance(args[0], ast.Constant) else ""
            self._mark(str(context), args[1], node)
        self.generic_visit(node)

    def _mark(self, context: str, text: ast.expr, call: ast.Call) -> None:
        if isinstance(text, ast.JoinedStr):
            self.formatted.append(f"line {call.lineno}: {ast.unparse(call)}")
        elif isinstance(text, ast.Constant) and isinstance(text.value, str):
            assert context, f"line {call.lineno}: {ast.unparse(call)} names no literal context: lupdate cannot file it"
            self.found.add((context, text.value))


def marked(paths: list[Path]) -> Marked:
    visitor = Marked()
    for path in paths:
        try:
            visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        except AssertionError as error:
            raise AssertionError(f"{path.relative_to(ROOT)}: {error}") from None
    return visitor


def test_no_f_string_is_handed_to_a_translation_call() -> None:
    # The sentence must be a literal with named placeholders, filled in after: tr("Opened {path}").format(...)
    assert marked(SOURCES).formatted == []


# -- lupdate: Qt's tool finds them, and the gathered file is up to date -------------------------------


def load_extractor() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_words", ROOT / "scripts" / "extract_words.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


extractor = load_extractor()
needs_lupdate = pytest.mark.skipif(extractor.lupdate_path() is None,
                                   reason="pyside6-lupdate is not installed (it ships with PySide6-Essentials)")


def messages(ts_file: Path) -> set[tuple[str, str]]:
    """(context, source text) of every message in a .ts file."""
    root = ET.parse(ts_file).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context") for message in context.iter("message")}


@pytest.fixture(scope="module")
def gathered(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    target = tmp_path_factory.mktemp("words") / "runofshow.ts"
    extractor.extract(target)
    return messages(target)


@needs_lupdate
def test_lupdate_finds_the_sentences_of_the_windows(gathered: set[tuple[str, str]]) -> None:
    assert ("OperatorWindow", "⚠ RECORD NOT SAVED: {error}") in gathered
    assert ("OperatorWindow", "⚠ RECORD NOT SAVED — {unsaved} not yet written: {error}") in gathered
    assert ("OperatorWindow", "Open agenda…") in gathered  # a menu entry
    assert ("DialogPrompts", "Resume the show") in gathered  # a dialog button
    assert ("ShowActions", "GO ▶") in gathered  # the actions table, marked where it is written
    assert ("ProjectorView", "Moderated by {moderator}") in gathered  # what the audience reads under a panel
    assert ("RemotePanel", "Copy") in gathered


@needs_lupdate
def test_lupdate_finds_every_sentence_the_code_hands_to_a_translation_call(gathered: set[tuple[str, str]]) -> None:
    # A call lupdate does not know by name (a helper under another name) would be missing here.
    in_code = marked(SOURCES).found
    assert in_code - gathered == set(), "handed to tr()/translate() but not gathered by lupdate"
    assert gathered - in_code == set(), "gathered by lupdate but not seen in the code by this test"


@needs_lupdate
def test_the_gathered_file_is_up_to_date_with_the_code(gathered: set[tuple[str, str]]) -> None:
    committed = messages(extractor.TARGET)
    assert committed == gathered, (
        "resources/translations/runofshow.ts is behind the code: run .venv/bin/python scripts/extract_words.py\n"
        f"new: {sorted(gathered - committed)}\ngone: {sorted(committed - gathered)}")
