"""Gather every sentence of the Qt windows into resources/translations/runofshow.ts.

pyside6-lupdate (Qt's own tool, shipped with PySide6-Essentials next to the venv's python) reads the
Qt side's sources and collects the literal texts passed to `self.tr(...)`, `translate(...)` and
`QT_TRANSLATE_NOOP(...)` (runofshow/qt/translation.py). The .ts file is where they can be reviewed
together (any text editor, or pyside6-linguist) and, later, translated.

    .venv/bin/python scripts/extract_words.py

Run it after adding or changing a sentence and commit the .ts file with the change:
tests/ui/test_words.py fails while the file is behind the code. The engine's sentences are not here
(core/words.py and core/phase_style.py, plain Python below Qt).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("runofshow/ui", "runofshow/qt")
SOURCE_FILES = ("runofshow/app.py",)
TARGET = ROOT / "resources" / "translations" / "runofshow.ts"


def lupdate_path() -> Path | None:
    """pyside6-lupdate beside the running python (the venv's bin/ or Scripts\\), else on PATH, else None."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lupdate", "pyside6-lupdate.exe"):
        if (here / name).is_file():
            return here / name
    found = shutil.which("pyside6-lupdate")
    return Path(found) if found else None


def sources(root: Path = ROOT) -> list[Path]:
    """The Qt side's Python files, in a fixed order so the output does not depend on the file system."""
    files = [path for folder in SOURCE_DIRS for path in sorted((root / folder).glob("*.py"))]
    return files + [root / name for name in SOURCE_FILES]


def extract(target: Path = TARGET, root: Path = ROOT) -> str:
    """Run lupdate over the sources into `target` (created or brought up to date); returns what lupdate said.

    Sentences gone from the code are dropped (-no-obsolete); locations are file and line, relative to
    the .ts file. Raises FileNotFoundError without lupdate and CalledProcessError when it fails.
    """
    tool = lupdate_path()
    if tool is None:
        raise FileNotFoundError("pyside6-lupdate not found next to the python running this, nor on PATH "
                                "(it comes with PySide6-Essentials)")
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [str(tool), *(str(path) for path in sources(root)), "-no-obsolete", "-locations", "absolute",
               "-ts", str(target)]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    return (done.stdout + done.stderr).strip()


def main() -> int:
    try:
        said = extract()
    except FileNotFoundError as missing:
        print(missing, file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as failed:
        print(failed.stdout, failed.stderr, sep="\n", file=sys.stderr)
        return failed.returncode or 1
    print(said)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
