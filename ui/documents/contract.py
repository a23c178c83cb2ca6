"""The sale contract: on paper (A4 with page numbers) and as pages for the screen (≤ 36 characters a line).

The paper carries the exact text the buyers signed, as ``kiosk.services.contracts``
rendered it, with its SHA-256 in every footer so a printed page can be tied to
the signed record. The contract is the one printout besides the certificate
page where the law wants the buyers identified in full, so its text is printed
as signed; the screen pages mask ID numbers (ux.md: masked before they reach a
widget).
"""

from __future__ import annotations

import re
import unicodedata

from ui.documents.canvas import Box, Flow, Measure, Strokes, paint
from ui.documents.common import frame, mask_ids_in
from ui.documents.model import ContractDocument
from ui.documents.text import Texts, fill

ARTICLE = re.compile(r"^第[一二三四五六七八九十百]+条")
SCREEN_CHARS_PER_LINE = 36
SCREEN_LINES_PER_PAGE = 12
# A line may not start with these (closing punctuation) nor end with the opening ones (GB/T 15834 usage).
NO_LINE_START = set("，。、；：？！）》」』”’〕】…—·%,.;:?!)]}")
NO_LINE_END = set("（《「『“‘〔【([{")
_WORD = re.compile(r"[0-9A-Za-z._\-/+]+")


def render_contract(doc: ContractDocument, language: str = "zh_CN") -> bytes:
    """The contract as A4 PDF pages: title, articles in bold, the signed text unchanged."""
    tx = Texts(language)
    measure = Measure()
    flow = Flow(measure, top=24)
    lines = doc.text.strip("\n").split("\n")
    flow.paragraph(lines[0].strip(), size=18, bold=True, align="center", after=4)
    for raw in lines[1:]:
        line = raw.rstrip()
        if not line:
            flow.space(2.0)
        elif ARTICLE.match(line):
            flow.keep(18)   # an article heading never ends a page alone
            flow.paragraph(line, size=11.5, bold=True, after=0.5)
        else:
            flow.paragraph(line, size=10.5, after=0.5)
    if doc.filing_no:
        flow.space(4)
        flow.fields([(tx.translate("ContractDocument", "Filing number"), doc.filing_no)])
    if doc.signatures:
        _signature_page(flow, doc, tx)
    width, height = flow.sheet.size_mm
    left = fill(tx.translate("ContractDocument", "Contract %1 (version %2)"), doc.contract_id, doc.version)
    right = fill(tx.translate("ContractDocument", "Text SHA-256 %1"), doc.doc_sha256[:16]) if doc.doc_sha256 else ""
    return paint(flow.sheet, title=fill(tx.translate("ContractDocument", "Sale contract %1"), doc.contract_id),
                 decorate=frame(measure, tx, width=width, height=height, left=left, right=right,
                                training=doc.training))


def _signature_page(flow: Flow, doc: ContractDocument, tx: Texts) -> None:
    """签名页: each buyer's signature as drawn on the touchscreen, in buyer order."""
    flow.new_page()
    flow.paragraph(tx.translate("ContractDocument", "Signatures"), size=16, bold=True, align="center", after=3)
    flow.paragraph(fill(tx.translate("ContractDocument",
                                     "The buyers signed this contract text (SHA-256 %1) on the kiosk's touchscreen as shown below."),
                        doc.doc_sha256[:16]), size=10, after=4)
    for number, (name, ink) in enumerate(doc.signatures, 1):
        flow.keep(40)
        flow.paragraph(fill(tx.translate("ContractDocument", "Buyer %1: %2"), number, name), size=11, bold=True,
                       after=1)
        flow.page.append(Box(flow.left, flow.y, 90, 32, width=0.2))
        flow.page.append(Strokes(flow.left + 2, flow.y + 2, 86, 28, ink.strokes, ink.box_mm[0] / ink.box_mm[1]))
        flow.y += 38


def _width(char: str) -> float:
    """Screen columns of a character: CJK and full-width count 1, Latin letters and digits half."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 0.5


def _tokens(text: str) -> list[str]:
    """Characters, with runs of Latin letters and digits kept whole (a unit code is never split if it fits)."""
    out: list[str] = []
    pos = 0
    while pos < len(text):
        match = _WORD.match(text, pos)
        if match:
            out.append(match.group(0))
            pos = match.end()
        else:
            out.append(text[pos])
            pos += 1
    return out


def wrap_for_screen(paragraph: str, limit: float = SCREEN_CHARS_PER_LINE) -> list[str]:
    """One paragraph as lines of at most ``limit`` CJK-character widths, respecting line-start/end rules."""
    lines: list[list[str]] = [[]]
    used = 0.0
    for token in _tokens(paragraph):
        size = sum(_width(c) for c in token)
        if size > limit:   # longer than a line (never in practice): split by characters
            for char in token:
                if used + _width(char) > limit:
                    lines.append([])
                    used = 0.0
                lines[-1].append(char)
                used += _width(char)
            continue
        if used + size > limit and lines[-1]:
            carry: list[str] = []
            if token in NO_LINE_START:      # take the previous character along, so the punctuation is not first
                carry.append(lines[-1].pop())
            while lines[-1] and lines[-1][-1] in NO_LINE_END:
                carry.insert(0, lines[-1].pop())
            lines.append(carry)
            used = sum(_width(c) for t in carry for c in t)
        lines[-1].append(token)
        used += size
    return ["".join(line) for line in lines]


def contract_screen_pages(text: str, *, chars_per_line: int = SCREEN_CHARS_PER_LINE,
                          lines_per_page: int = SCREEN_LINES_PER_PAGE, mask_ids: bool = True) -> list[list[str]]:
    """The contract as screen pages of lines (≤ ``chars_per_line`` CJK widths each) for the reading screen.

    ID numbers are masked unless ``mask_ids`` is False; an empty line separates paragraphs and is
    never the first line of a page.
    """
    shown = mask_ids_in(text) if mask_ids else text
    lines: list[str] = []
    for paragraph in shown.strip("\n").split("\n"):
        if not paragraph.strip():
            if lines and lines[-1]:
                lines.append("")
            continue
        lines.extend(wrap_for_screen(paragraph.rstrip(), chars_per_line))
    pages: list[list[str]] = [[]]
    for line in lines:
        if len(pages[-1]) == lines_per_page:
            pages.append([])
        if line or pages[-1]:
            pages[-1].append(line)
    return [page for page in pages if page]
