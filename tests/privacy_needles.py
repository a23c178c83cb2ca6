"""The personal data that must never appear in clear: in the database, its WAL, the logs or a
diagnostics zip. One list for every privacy test."""

from __future__ import annotations

from kiosk.rules.idcard import make_check_char

PEOPLE = [
    ("王建国", "41042519750315", "13903751234", "河南省平顶山市郏县龙山大道18号"),
    ("李秀英", "41042519820708", "13703759876", "河南省平顶山市郏县广阔天地乡"),
    ("欧阳明月", "41040220000229", "18637500001", "郏县城关镇东街3号"),
]


def id_number(prefix14: str, seq: str) -> str:
    body = prefix14 + seq
    return body + make_check_char(body)


def forms(text: str) -> list[bytes]:
    """The encodings a leak could take in a file."""
    return [text.encode("utf-8"), text.encode("gb18030"), text.encode("utf-16-le")]


def sample_needles() -> list[str]:
    """Every personal field of the sample buyers and staff (staff: name and ID card number) that `kiosk simulate` and the demo
    use, plus the first 17 characters of each ID number (a number missing its check character
    is still the person's)."""
    from kiosk.services.samples import load_samples

    samples = load_samples()
    found: list[str] = []
    for unit in samples.units:
        for buyer in unit.buyers:
            found += [buyer.name, buyer.id_number, buyer.id_number[:17], buyer.phone, buyer.address]
    for s in samples.staff:
        found += [s.name, s.id_number, s.id_number[:17]]
    return found


def leaks(blob: bytes, needles: list[str]) -> list[str]:
    """The needles found in ``blob`` in any of their forms."""
    return [n for n in needles if any(form in blob for form in forms(n))]
