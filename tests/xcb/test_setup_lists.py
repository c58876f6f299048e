"""The README's apt line for `make run` and `.ci/run` name the same packages, and Qt's xcb plugin finds them.

A fresh Debian failed `make run` because the README's line lacked libraries the xcb plugin loads.
CI installs the same list, so a library missing from it fails in CI before it fails on a laptop.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6 import __file__ as pyside_init

ROOT = Path(__file__).resolve().parents[2]
QT = Path(pyside_init).parent / "Qt"


def readme_apt_line() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"sudo apt-get install ((?:[^\n]*\\\n)*[^\n]*)", readme)
    assert match is not None, "the README has no apt-get line"
    return set(match.group(1).replace("\\\n", " ").split())


def ci_runtime_list() -> set[str]:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^runtime=\(([^)]*)\)", script, re.MULTILINE)
    assert match is not None, ".ci/run has no runtime=(...) list"
    return set(match.group(1).split())


def test_the_readme_and_ci_install_the_same_runtime_packages() -> None:
    assert readme_apt_line() == ci_runtime_list()


@pytest.mark.skipif(shutil.which("ldd") is None or shutil.which("dpkg") is None, reason="needs ldd and dpkg (Debian)")
def test_every_library_the_xcb_plugin_links_comes_from_a_listed_or_base_package() -> None:
    """ldd on the plugin and libQt6XcbQpa; each library outside the wheel, by the Debian package that holds it."""
    listed = readme_apt_line()
    libraries: set[str] = set()
    for binary in (QT / "plugins" / "platforms" / "libqxcb.so", QT / "lib" / "libQt6XcbQpa.so.6"):
        output = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
        assert "not found" not in output, output
        for line in output.splitlines():
            found = re.match(r"\s*(\S+) => (/\S+)", line)
            if found and str(QT) not in str(Path(found.group(2)).resolve()):
                libraries.add(found.group(2))
    paths = sorted(str(Path(library).resolve()) for library in libraries)
    owners = subprocess.run(["dpkg", "-S", *paths], capture_output=True, text=True, check=False).stdout
    unlisted = {}
    for line in owners.splitlines():  # "libxcb-icccm4:amd64: /usr/lib/x86_64-linux-gnu/libxcb-icccm.so.4.0.0"
        owner, _, path = line.partition(": ")
        owner = owner.split(":")[0]
        if owner not in listed and owner not in WITHOUT_ASKING:
            unlisted[Path(path).name] = owner
    assert unlisted == {}, "add these to the README's apt line and .ci/run's runtime list"


# On every Debian (a minimal debootstrap has them: apt needs them), or pulled in by a listed package's own
# dependencies (checked on a fresh Debian 12: ldd found nothing missing after installing the list).
WITHOUT_ASKING = {
    "libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1", "liblzma5", "liblz4-1", "libsystemd0", "libcap2",
    "libgcrypt20", "libgpg-error0",
    "libxau6", "libxdmcp6", "libbsd0", "libmd0", "libexpat1", "libpng16-16", "libbrotli1", "libglvnd0", "libglx0",
    "libpcre2-8-0",
}
