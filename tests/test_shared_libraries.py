"""Every shared library the pinned wheels load, in the modes the product runs in
(offscreen for tests, X11 and Wayland for the app, Qt Quick for the virtual
keyboard, Qt Multimedia, CUPS printing), is installed by scripts/setup.sh.

Without this, a fresh machine fails only when a screen first needs the missing
library (or never says why: xcb reports "could not load the Qt platform
plugin"). Run inside `make fresh-check`, it proves the list on a minbase root.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

# The Qt modules the product uses and the plugins it loads in its modes. Platform
# themes are left out: the GTK 3 theme loads only on a GTK desktop, never on a kiosk.
QT_LIBS = ("Core", "Gui", "Widgets", "DBus", "Network", "OpenGL", "OpenGLWidgets", "PrintSupport", "Qml",
           "QmlModels", "Quick", "QuickWidgets", "VirtualKeyboard", "Multimedia", "MultimediaWidgets", "Charts",
           "Svg", "Pdf", "XcbQpa", "WaylandClient")
QT_PLUGIN_DIRS = ("platforms", "platforminputcontexts", "xcbglintegrations", "wayland-shell-integration",
                  "wayland-graphics-integration-client", "wayland-decoration-client", "printsupport",
                  "imageformats", "iconengines")


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None, f"{name} is not installed"
    return Path(spec.origin).parent


def product_libraries() -> list[Path]:
    qt = package_dir("PySide6") / "Qt"
    found = [lib for name in QT_LIBS for lib in (qt / "lib").glob(f"libQt6{name}.so.6")]
    found += [so for d in QT_PLUGIN_DIRS for so in sorted((qt / "plugins" / d).glob("*.so"))]
    found += sorted(package_dir("cv2").rglob("cv2*.so"))
    found += sorted(p for p in package_dir("zxingcpp").parent.glob("zxingcpp*.so"))
    return found


def test_the_product_libraries_are_all_there() -> None:
    libs = product_libraries()
    assert len(libs) > len(QT_LIBS), f"expected Qt libraries and plugins, found {libs}"
    # Each named module must exist, so a renamed library cannot hide from the check.
    qt_lib = package_dir("PySide6") / "Qt" / "lib"
    for name in QT_LIBS:
        assert (qt_lib / f"libQt6{name}.so.6").exists(), f"libQt6{name}.so.6 is not in the pinned PySide6"


@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd is not available")
def test_every_shared_library_resolves() -> None:
    missing: dict[str, set[str]] = {}
    for lib in product_libraries():
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            if "not found" in line:
                missing.setdefault(line.split()[0], set()).add(lib.name)
    assert not missing, ("shared libraries missing (add their Debian packages to run_pkgs in scripts/setup.sh): "
                         + "; ".join(f"{so} (needed by {', '.join(sorted(by))})" for so, by in sorted(missing.items())))


def test_zbar_and_libusb_are_found() -> None:
    # Loaded by name through ctypes (pyzbar, pyusb), so ldd never sees them.
    assert ctypes.util.find_library("zbar"), "libzbar0 is missing"
    assert ctypes.util.find_library("usb-1.0"), "libusb-1.0-0 is missing"
