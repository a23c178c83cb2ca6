"""The bundle's glibc floor: the ELF version-needs reader against binutils' objdump, the build record."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from kiosk import bundle
from kiosk.bundle import ElfError, GlibcVersion

# Real ELF files of the environment: the interpreter's shared library and extension modules.
ELF_FILES = [p for p in (
    Path(sysconfig.get_config_var("LIBDIR") or "/") / (sysconfig.get_config_var("INSTSONAME") or "-"),
    Path(json.__file__).parent.parent / "lib-dynload" / f"math{sysconfig.get_config_var('EXT_SUFFIX')}",
    *sorted(Path(sysconfig.get_paths()["platlib"]).glob("cryptography/hazmat/bindings/_rust*.so")),
    *sorted(Path(sysconfig.get_paths()["platlib"]).glob("PySide6/Qt/lib/libQt6Core.so*")),
) if p.is_file()]


def objdump_glibc(path: Path) -> set[GlibcVersion]:
    text = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    return {GlibcVersion.parse(v) for v in re.findall(r"\bGLIBC_(\d+\.\d+(?:\.\d+)?)\b", text)}


@pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils (make test's set-up installs it)")
@pytest.mark.parametrize("path", ELF_FILES, ids=lambda p: p.name)
def test_the_versions_read_are_the_ones_objdump_reads(path: Path) -> None:
    assert bundle.needed_glibc(path) == objdump_glibc(path) != set()


def test_there_are_real_files_to_read() -> None:
    assert len(ELF_FILES) >= 3


def test_versions_compare_as_numbers() -> None:
    assert GlibcVersion.parse("2.4") < GlibcVersion.parse("2.34") < GlibcVersion.parse("GLIBC_2.36")
    assert GlibcVersion.parse("2.3.4") == GlibcVersion(2, 3) and str(GlibcVersion(2, 34)) == "2.34"
    for bad in ("PRIVATE", "GLIBC_PRIVATE", "2", "x.y", ""):
        with pytest.raises(ValueError, match="not a glibc version"):
            GlibcVersion.parse(bad)


def test_the_floor_is_the_highest_need_and_names_its_file(tmp_path: Path) -> None:
    by_floor = sorted(ELF_FILES, key=lambda p: max(bundle.needed_glibc(p)))
    for i, path in enumerate(by_floor):
        shutil.copy(path, tmp_path / f"{i}-{path.name}")
    (tmp_path / "notes.txt").write_text("not ELF")
    (tmp_path / "link.so").symlink_to(tmp_path / f"0-{by_floor[0].name}")
    floor = bundle.glibc_floor(sorted(tmp_path.iterdir()))
    assert floor is not None
    version, needed_by = floor
    assert version == max(bundle.needed_glibc(by_floor[-1]))
    assert max(bundle.needed_glibc(needed_by)) == version


def test_a_damaged_elf_is_an_error_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "libbroken.so"
    broken.write_bytes(ELF_FILES[0].read_bytes()[:200])
    with pytest.raises(ElfError, match="libbroken.so"):
        bundle.needed_glibc(broken)
    plain = tmp_path / "plain.so"
    plain.write_text("plain text")
    with pytest.raises(ElfError, match="not an ELF file"):
        bundle.needed_glibc(plain)


def test_build_info_records_the_floor_size_and_versions(tmp_path: Path) -> None:
    dist = tmp_path / "kiosk"
    (dist / "_internal").mkdir(parents=True)
    shutil.copy(ELF_FILES[0], dist / "_internal" / ELF_FILES[0].name)
    info = bundle.write_build_info(dist)
    written = json.loads((dist / bundle.BUILD_INFO_FILE).read_text(encoding="utf-8"))
    assert written == info
    assert written["glibc_floor"] == str(max(bundle.needed_glibc(ELF_FILES[0])))
    assert written["glibc_floor_needed_by"] == f"_internal/{ELF_FILES[0].name}"
    assert written["size_bytes"] == ELF_FILES[0].stat().st_size
    assert written["version"] and written["python"] and written["built_at"].endswith("+00:00")


def test_a_folder_without_elf_files_has_no_build_info(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("x")
    with pytest.raises(ElfError, match="no ELF file"):
        bundle.write_build_info(tmp_path)
    assert not (tmp_path / bundle.BUILD_INFO_FILE).exists()
