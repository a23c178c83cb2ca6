"""Helpers for the document tests: poppler's pdftotext, plain and with word boxes.

Imported with the test directory on sys.path, as the other test helpers are."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

MM_PER_PT = 25.4 / 72
# An 18-character resident ID number anywhere in extracted text.
FULL_ID = re.compile(r"(?<![0-9A-Za-z*])\d{17}[\dXx](?![0-9A-Za-z])")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float   # mm
    y0: float
    x1: float
    y1: float
    page: int


def pdf_text(pdf: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_words(pdf: bytes, tmp_path: Path) -> list[Word]:
    """Every word with its box in millimetres (``pdftotext -bbox``), page numbers from 1."""
    path = tmp_path / "words.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    words, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            x0, y0, x1, y1 = (float(v) * MM_PER_PT for v in m.groups()[:4])
            words.append(Word(m.group(5).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"),
                              x0, y0, x1, y1, page))
    return words


def page_count(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
