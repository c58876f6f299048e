"""The real app on a real X server: a box over the operator window can be read, judged from the screen's pixels.

The operator window's dark style sheet reaches every dialog parented to it; once, on X, a message box
showed white text on a light grey window, which offscreen pictures of the box alone never showed. Here the
stage manager's own steps open such a box (File > Import… on a file that cannot be read), and the picture
of the screen is measured: the words and what is behind them must differ as text needs to (WCAG's 4.5).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from runofshow.ui.theme import contrast_ratio
from tests.xcb.conftest import Show
from tests.xcb.xdummy import OPERATOR_MONITOR, Rect

pytestmark = pytest.mark.xcb

LEAST_CONTRAST = 4.5
LABEL_BAND = 34  # px: the box's first line of words (its intro), below the window's top edge


def words_and_background(picture: QImage, area: Rect) -> tuple[QColor, QColor, int]:
    """In `area`: the colour of the words (the one most unlike the commonest), the background (the
    commonest), and how many pixels differ from the background at all (the words, readable or not)."""
    counts: Counter[int] = Counter()
    for y in range(area.y, area.y + area.height):
        for x in range(area.x, area.x + area.width):
            counts[picture.pixel(x, y)] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    words = max((QColor.fromRgb(pixel) for pixel in counts), key=lambda colour: contrast_ratio(colour, background))
    inked = sum(count for pixel, count in counts.items() if contrast_ratio(QColor.fromRgb(pixel), background) > 1.01)
    return words, background, inked


def test_the_import_problem_box_over_the_operator_window_can_be_read(show: Show, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is not a spreadsheet")  # read_import: "cannot be read", said in a box
    desktop = show.desktop
    app = show.start()
    operator = app.operator_window()

    desktop.press(operator, "alt+f", "Down", "Down", "Return")  # File > New agenda…, Open agenda…, Import…
    picker = app.window_titled("Import a programme")
    show.steps.shot("import-picker")
    desktop.type_text(picker, str(broken))
    desktop.press_where_focused("Return")
    box = app.window_titled("This file cannot be imported")
    picture_path = show.steps.shot("cannot-be-imported")

    where = desktop.geometry(box)
    assert where.inside(OPERATOR_MONITOR.area), where
    picture = QImage(str(picture_path))
    band = Rect(where.x + 4, where.y + 4, where.width - 8, LABEL_BAND)
    words, background, inked = words_and_background(picture, band)
    assert inked > 50, "no words at the top of the box"
    ratio = contrast_ratio(words, background)
    assert ratio >= LEAST_CONTRAST, f"{words.name()} on {background.name()}: {ratio:.2f}"
    # The list of problems below (dark field) and the box around it are one look, not light-on-light.
    whole = Rect(where.x, where.y, where.width, where.height)
    assert contrast_ratio(*words_and_background(picture, whole)[:2]) >= LEAST_CONTRAST
