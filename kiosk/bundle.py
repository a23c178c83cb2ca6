"""The bundle's build record (``BUILD-INFO.json``) and its glibc floor.

A PyInstaller bundle carries the interpreter and every shared library the wheels brought, but
not the C library: each ELF file in it names the glibc symbol versions it needs (GLIBC_2.34 and
so on, in its ``.gnu.version_r`` section), and the oldest glibc that can run the bundle is the
highest of them. ``build.spec`` scans the finished bundle with ``glibc_floor`` and writes it into
``BUILD-INFO.json``; the bundle's ``install.sh`` refuses a terminal whose glibc is older, before
anything of the bundle has to load there. The scan reads the ELF headers itself, so the build
needs no binutils for it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__

BUILD_INFO_FILE = "BUILD-INFO.json"
_ELF_MAGIC = b"\x7fELF"
_SHT_GNU_VERNEED = 0x6FFFFFFE


class ElfError(ValueError):
    """A file that claims to be ELF has headers that point outside it."""


@dataclass(frozen=True, order=True)
class GlibcVersion:
    major: int
    minor: int

    @classmethod
    def parse(cls, text: str) -> GlibcVersion:
        """``2.34`` (also ``GLIBC_2.34`` or ``2.34.1``); ValueError for anything else."""
        parts = text.strip().removeprefix("GLIBC_").split(".")
        if len(parts) < 2 or not all(p.isdigit() for p in parts[:2]):
            raise ValueError(f"not a glibc version: {text!r}")
        return cls(int(parts[0]), int(parts[1]))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == _ELF_MAGIC
    except OSError:
        return False


def needed_glibc(path: Path) -> set[GlibcVersion]:
    """The GLIBC_x.y versions ``path`` (an ELF file) requires, from its version-needs section."""
    data = path.read_bytes()
    if data[:4] != _ELF_MAGIC or len(data) < 64:
        raise ElfError(f"{path} is not an ELF file")
    wide = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    try:
        if wide:
            shoff, = struct.unpack_from(end + "Q", data, 0x28)
            shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
        else:
            shoff, = struct.unpack_from(end + "I", data, 0x20)
            shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
        # (type, offset, size, link, info) of every section header.
        sections = []
        for i in range(shnum):
            at = shoff + i * shentsize
            if wide:
                _, kind, _, _, offset, size, link, info = struct.unpack_from(end + "IIQQQQII", data, at)
            else:
                _, kind, _, _, offset, size, link, info = struct.unpack_from(end + "IIIIIIII", data, at)
            sections.append((kind, offset, size, link, info))
        found: set[GlibcVersion] = set()
        for kind, offset, _, link, count in sections:
            if kind != _SHT_GNU_VERNEED:
                continue
            strings = sections[link][1]
            need = offset
            for _ in range(count):
                _, aux_count, _, aux, next_need = struct.unpack_from(end + "HHIII", data, need)
                at = need + aux
                for _ in range(aux_count):
                    _, _, _, name, next_aux = struct.unpack_from(end + "IHHII", data, at)
                    text = data[strings + name:data.index(b"\0", strings + name)].decode("ascii", "replace")
                    if text.startswith("GLIBC_"):
                        try:
                            found.add(GlibcVersion.parse(text))
                        except ValueError:
                            pass  # GLIBC_PRIVATE: not a version a target can be older than
                    at += next_aux
                need += next_need
    except (struct.error, IndexError, ValueError) as exc:
        raise ElfError(f"{path}: damaged ELF headers ({exc})") from exc
    return found


def glibc_floor(files: Iterable[Path]) -> tuple[GlibcVersion, Path] | None:
    """The highest glibc version any of the ELF ``files`` needs, and one file that needs it."""
    best: tuple[GlibcVersion, Path] | None = None
    for path in files:
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        versions = needed_glibc(path)
        if versions and (best is None or max(versions) > best[0]):
            best = (max(versions), path)
    return best


def _tree_size(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def write_build_info(dist: Path) -> dict[str, object]:
    """Scan the finished bundle ``dist`` and write its ``BUILD-INFO.json``; returns what was written.

    The glibc floor is a Linux matter: a bundle built elsewhere records none."""
    info: dict[str, object] = {
        "version": __version__,
        "python": platform.python_version(),
        "platform": f"{sys.platform}-{platform.machine()}",
    }
    if sys.platform.startswith("linux"):
        floor = glibc_floor(sorted(dist.rglob("*")))
        if floor is None:
            raise ElfError(f"no ELF file in {dist} names a glibc version: not a Linux bundle?")
        info.update(glibc_floor=str(floor[0]), glibc_floor_needed_by=floor[1].relative_to(dist).as_posix(),
                    build_glibc=" ".join(platform.libc_ver()).strip())
    info.update(size_bytes=_tree_size(dist),
                built_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    path = dist / BUILD_INFO_FILE
    path.write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.chmod(path, 0o644)
    return info
