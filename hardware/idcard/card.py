"""The card itself: decoding (and, for the simulator, encoding) the read response.

Payload after SW1–SW3: text length (2 bytes, big-endian, 256), photo length
(2 bytes, 1024), the text block, the photo. The text block is UCS-2
little-endian, space padded, with fixed-width fields (domain.md section 6).

``IdCard`` holds a person's identity: its ``repr``/``str`` mask the name and
ID number and leave the address out, so a card that ends up in a log line or
an exception message leaks nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from abc import ABC, abstractmethod
from typing import Any

from hardware.idcard.errors import CardDataError, UnknownCardType
from hardware.idcard.protocol import DEVICE
from kiosk.errors import ValidationError
from kiosk.privacy import mask_id, mask_name
from kiosk.rules.idcard import parse_id_number

TEXT_LENGTH = 256
PHOTO_LENGTH = 1024
LONG_TERM = "长期"

# (field, characters) in card order; 110 characters = 220 bytes, then reserved.
TEXT_FIELDS: tuple[tuple[str, int], ...] = (
    ("name", 15),
    ("sex_code", 1),
    ("nation_code", 2),
    ("birth_date", 8),
    ("address", 35),
    ("id_number", 18),
    ("issuing_authority", 15),
    ("valid_from", 8),
    ("valid_to", 8),
)
RESERVED_CHARS = TEXT_LENGTH // 2 - sum(width for _, width in TEXT_FIELDS)

# Vendor SDKs read a card-kind letter at character 124 (inside the reserved
# area): 'I' and 'Y' foreigners' permanent-residence cards, 'J' Hong Kong /
# Macao / Taiwan residence permits. Unconfirmed on real cards (domain.md [U]),
# so it is only used to name what was seen; any non-blank reserved area is refused.
CARD_KIND_INDEX = 124
CARD_KINDS = {
    "I": "外国人永久居留身份证 / foreigner's permanent residence card",
    "Y": "外国人永久居留身份证(2023版) / foreigner's permanent residence card (2023)",
    "J": "港澳台居民居住证 / Hong Kong, Macao or Taiwan residence permit",
}

SEXES = {"1": "男", "2": "女"}

# GB 3304-1991 nationality codes as printed on the card (without 族).
NATIONS: dict[str, str] = {
    "01": "汉", "02": "蒙古", "03": "回", "04": "藏", "05": "维吾尔",
    "06": "苗", "07": "彝", "08": "壮", "09": "布依", "10": "朝鲜",
    "11": "满", "12": "侗", "13": "瑶", "14": "白", "15": "土家",
    "16": "哈尼", "17": "哈萨克", "18": "傣", "19": "黎", "20": "傈僳",
    "21": "佤", "22": "畲", "23": "高山", "24": "拉祜", "25": "水",
    "26": "东乡", "27": "纳西", "28": "景颇", "29": "柯尔克孜", "30": "土",
    "31": "达斡尔", "32": "仫佬", "33": "羌", "34": "布朗", "35": "撒拉",
    "36": "毛南", "37": "仡佬", "38": "锡伯", "39": "阿昌", "40": "普米",
    "41": "塔吉克", "42": "怒", "43": "乌孜别克", "44": "俄罗斯", "45": "鄂温克",
    "46": "德昂", "47": "保安", "48": "裕固", "49": "京", "50": "塔塔尔",
    "51": "独龙", "52": "鄂伦春", "53": "赫哲", "54": "门巴", "55": "珞巴",
    "56": "基诺",
    "97": "其他",
    "98": "外国血统",
}

class PhotoDecoder(ABC):
    """Turns the card's 1024-byte WLT photo into an image (BMP bytes).

    WLT decoding needs the library licensed to the reader's vendor; a kiosk
    with that library installs an implementation. ``decode`` returns None when
    it cannot decode.
    """

    @abstractmethod
    def decode(self, wlt: bytes) -> bytes | None:
        """The photo as BMP bytes, or None when it cannot be decoded."""


class NoPhotoDecoder(PhotoDecoder):
    """The default: no vendor library installed, so no image (the raw WLT is kept)."""

    def decode(self, wlt: bytes) -> bytes | None:
        return None


@dataclass(frozen=True, repr=False)
class IdCard:
    name: str
    sex_code: str
    nation_code: str
    birth_date: dt.date
    address: str
    id_number: str
    issuing_authority: str
    valid_from: dt.date
    valid_to: dt.date | None  # None: 长期 (long-term, no expiry)
    photo_wlt: bytes = field(default=b"", compare=False)
    photo_image: bytes | None = field(default=None, compare=False)

    @property
    def sex(self) -> str:
        return SEXES[self.sex_code]

    @property
    def nation(self) -> str:
        return NATIONS[self.nation_code]

    @property
    def long_term(self) -> bool:
        return self.valid_to is None

    @property
    def valid_to_text(self) -> str:
        return LONG_TERM if self.valid_to is None else self.valid_to.isoformat()

    @property
    def id_number_masked(self) -> str:
        return mask_id(self.id_number)

    def __repr__(self) -> str:
        return (f"IdCard(name={mask_name(self.name)!r}, id_number={self.id_number_masked!r}, "
                f"sex={self.sex!r}, nation={self.nation!r}, valid_to={self.valid_to_text!r})")

    def to_public_dict(self) -> dict[str, Any]:
        """The fields for display and JSON output; the ID number only masked."""
        return {
            "name": self.name,
            "sex": self.sex,
            "nation_code": self.nation_code,
            "nation": self.nation,
            "birth_date": self.birth_date.isoformat(),
            "address": self.address,
            "id_number_masked": self.id_number_masked,
            "issuing_authority": self.issuing_authority,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to_text,
            "photo_bytes": len(self.photo_wlt),
            "photo_decoded": self.photo_image is not None,
        }


def _bad(field_name: str, what: str) -> CardDataError:
    # Names the field, never its content: the content is personal data.
    return CardDataError(f"ID card text block: field {field_name} {what}", device=DEVICE,
                         hint="place the card again; if it repeats, the card may be damaged")


def _date(field_name: str, text: str) -> dt.date:
    if not re.fullmatch(r"[0-9]{8}", text):
        raise _bad(field_name, "is not an 8-digit YYYYMMDD date")
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise _bad(field_name, "is not a real calendar date") from None


def _check_id_number(number: str, birth_date: dt.date, sex_code: str) -> None:
    if len(number) != 18:
        raise _bad("id_number", f"has {len(number)} characters, a card holds 18")
    try:
        parsed = parse_id_number(number)
    except ValidationError as exc:
        raise _bad("id_number", f"fails the ID-number rules: {exc.message}") from None
    if parsed.normalized != number:
        raise _bad("id_number", "has a lower-case check character")
    if parsed.birth_date != birth_date:
        raise _bad("id_number", "does not contain the birth date printed on the card")
    if parsed.sex != ("M" if sex_code == "1" else "F"):
        raise _bad("id_number", "sequence parity does not match the sex on the card")


def split_text_block(block: bytes) -> dict[str, str]:
    """The raw text fields, trailing padding removed, plus ``reserved``."""
    if len(block) != TEXT_LENGTH:
        raise UnknownCardType(f"ID card text block is {len(block)} bytes, a resident ID card has {TEXT_LENGTH}",
                              device=DEVICE, hint="this kind of card is not supported")
    try:
        text = block.decode("utf-16-le")
    except UnicodeDecodeError:
        raise _bad("text", "is not valid UCS-2 text") from None
    if len(text) != TEXT_LENGTH // 2:
        raise _bad("text", "contains characters outside UCS-2")
    fields: dict[str, str] = {}
    pos = 0
    for name, width in TEXT_FIELDS:
        fields[name] = text[pos:pos + width].rstrip(" \x00")
        pos += width
    fields["reserved"] = text[pos:]
    return fields


def decode_text_block(block: bytes, *, photo_wlt: bytes = b"",
                      photo_image: bytes | None = None) -> IdCard:
    fields = split_text_block(block)
    reserved = fields["reserved"]
    if reserved.strip(" \x00"):
        kind = CARD_KINDS.get(reserved[CARD_KIND_INDEX - (TEXT_LENGTH // 2 - RESERVED_CHARS)])
        raise UnknownCardType(
            f"not a second-generation resident ID card ({kind})" if kind
            else "the card's text block uses a layout this reader does not know",
            device=DEVICE, hint="ask the buyer for a resident ID card, or handle this document at the counter")
    if not fields["name"]:
        raise _bad("name", "is empty")
    if fields["sex_code"] not in SEXES:
        raise _bad("sex_code", "is not 1 (male) or 2 (female)")
    if fields["nation_code"] not in NATIONS:
        raise _bad("nation_code", "is not a GB 3304 nationality code")
    birth = _date("birth_date", fields["birth_date"])
    if not fields["address"]:
        raise _bad("address", "is empty")
    _check_id_number(fields["id_number"], birth, fields["sex_code"])
    valid_from = _date("valid_from", fields["valid_from"])
    valid_to = None if fields["valid_to"] == LONG_TERM else _date("valid_to", fields["valid_to"])
    if valid_to is not None and valid_to < valid_from:
        raise _bad("valid_to", "is before valid_from")
    return IdCard(
        name=fields["name"], sex_code=fields["sex_code"], nation_code=fields["nation_code"],
        birth_date=birth, address=fields["address"], id_number=fields["id_number"],
        issuing_authority=fields["issuing_authority"], valid_from=valid_from, valid_to=valid_to,
        photo_wlt=photo_wlt, photo_image=photo_image)


def decode_read_payload(payload: bytes, photo_decoder: PhotoDecoder | None = None) -> IdCard:
    """Decode the data of a successful read response (everything after SW3, before CHK)."""
    if len(payload) < 4:
        raise CardDataError(f"ID card read response carries {len(payload)} data bytes, fewer than its 4 length bytes",
                            device=DEVICE, hint="place the card again")
    text_len = int.from_bytes(payload[0:2], "big")
    photo_len = int.from_bytes(payload[2:4], "big")
    if text_len != TEXT_LENGTH:
        raise UnknownCardType(f"ID card text block is {text_len} bytes, a resident ID card has {TEXT_LENGTH}",
                              device=DEVICE, hint="this kind of card is not supported")
    if len(payload) < 4 + text_len + photo_len:
        raise CardDataError(
            f"ID card read response announces {text_len}+{photo_len} bytes but carries {len(payload) - 4}",
            device=DEVICE, hint="place the card again")
    block = payload[4:4 + text_len]
    wlt = payload[4 + text_len:4 + text_len + photo_len]
    image = (photo_decoder or NoPhotoDecoder()).decode(wlt) if wlt else None
    return decode_text_block(block, photo_wlt=wlt, photo_image=image)


def _field_text(card: IdCard, name: str) -> str:
    value = getattr(card, name)
    if name == "valid_to":
        return LONG_TERM if value is None else value.strftime("%Y%m%d")
    if isinstance(value, dt.date):
        return value.strftime("%Y%m%d")
    return str(value)


def encode_text_block(card: IdCard, reserved: str = "") -> bytes:
    """The 256-byte block a reader returns for ``card`` (the simulator's side)."""
    parts = []
    for name, width in TEXT_FIELDS:
        text = _field_text(card, name)
        if len(text) > width:
            raise ValueError(f"{name} is {len(text)} characters, the card field holds {width}")
        parts.append(text.ljust(width))
    if len(reserved) > RESERVED_CHARS:
        raise ValueError(f"reserved area holds {RESERVED_CHARS} characters")
    parts.append(reserved.ljust(RESERVED_CHARS))
    return "".join(parts).encode("utf-16-le")


def encode_read_payload(card: IdCard, reserved: str = "") -> bytes:
    block = encode_text_block(card, reserved)
    photo = card.photo_wlt.ljust(PHOTO_LENGTH, b"\x00")[:PHOTO_LENGTH]
    return len(block).to_bytes(2, "big") + len(photo).to_bytes(2, "big") + block + photo
