"""The read payload: text block layout, field decoding, nations, masking, card kinds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from hardware.errors import ProtocolError
from hardware.idcard.card import (
    NATIONS, PhotoDecoder, decode_read_payload, decode_text_block, encode_read_payload, encode_text_block,
)
from hardware.idcard.errors import CardDataError, UnknownCardType
from hardware.idcard.simulator import SAMPLE_CARDS, fictitious_id

WANG = SAMPLE_CARDS["wang"]
ZHAO = SAMPLE_CARDS["zhao"]
# Hand-worked: body 41042519850312003 with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
# sums to 220; 220 mod 11 = 0 -> check character '1'.
WANG_ID = "410425198503120031"


def _ucs2(text: str, width: int) -> bytes:
    return text.ljust(width).encode("utf-16-le")


def _block(*, name: str = "王建国", sex: str = "1", nation: str = "01", birth: str = "19850312",
           address: str = "河南省郏县龙山街道紫云路88号", number: str = WANG_ID,
           authority: str = "郏县公安局", start: str = "20160520", end: str = "20360520",
           reserved: str = "") -> bytes:
    """A text block assembled field by field here, independently of the encoder."""
    return (_ucs2(name, 15) + _ucs2(sex, 1) + _ucs2(nation, 2) + _ucs2(birth, 8) + _ucs2(address, 35)
            + _ucs2(number, 18) + _ucs2(authority, 15) + _ucs2(start, 8) + _ucs2(end, 8)
            + _ucs2(reserved, 18))


def test_fictitious_ids_have_the_mod_11_2_check_character() -> None:
    assert WANG.id_number == WANG_ID
    # The standard's own example (domain.md section 1): 11010519491231002 -> X.
    assert fictitious_id("110105", dt.date(1949, 12, 31), 2) == "11010519491231002X"


def test_text_block_bytes_by_hand() -> None:
    block = encode_text_block(WANG)
    assert len(block) == 256
    # 王 U+738B, 建 U+5EFA, 国 U+56FD, little-endian, then spaces (20 00).
    assert block[:8] == bytes.fromhex("8B73 FA5E FD56 2000")
    assert block[6:30] == bytes.fromhex("2000") * 12
    assert block[30:32] == bytes.fromhex("3100")                      # sex '1'
    assert block[32:36] == bytes.fromhex("3000 3100")                 # nation '01'
    assert block[36:52] == bytes.fromhex("3100 3900 3800 3500 3000 3300 3100 3200")  # 19850312
    assert block[122:158] == bytes.fromhex("".join(f"3{d}00" for d in WANG_ID[:17]) + "3100")
    assert block[220:256] == bytes.fromhex("2000") * 18               # reserved


def test_long_term_encoded_as_chinese_text() -> None:
    block = encode_text_block(ZHAO)
    # 长 U+957F 期 U+671F at characters 102-103, then six spaces.
    assert block[204:220] == bytes.fromhex("7F95 1F67") + bytes.fromhex("2000") * 6


def test_payload_header_and_size() -> None:
    payload = encode_read_payload(WANG)
    assert payload[:4] == bytes.fromhex("0100 0400")
    assert len(payload) == 4 + 256 + 1024


def test_decode_hand_built_block() -> None:
    card = decode_text_block(_block())
    assert card.name == "王建国"
    assert (card.sex, card.sex_code) == ("男", "1")
    assert (card.nation_code, card.nation) == ("01", "汉")
    assert card.birth_date == dt.date(1985, 3, 12)
    assert card.address == "河南省郏县龙山街道紫云路88号"
    assert card.id_number == WANG_ID
    assert card.issuing_authority == "郏县公安局"
    assert (card.valid_from, card.valid_to) == (dt.date(2016, 5, 20), dt.date(2036, 5, 20))
    assert not card.long_term


def test_decode_long_term_female_hui() -> None:
    number = fictitious_id("410425", dt.date(1958, 11, 2), 24)
    card = decode_text_block(_block(name="赵秀兰", sex="2", nation="03", birth="19581102",
                                    number=number, start="20100115", end="长期"))
    assert (card.sex, card.nation, card.valid_to, card.valid_to_text) == ("女", "回", None, "长期")
    assert card.to_public_dict()["valid_to"] == "长期"


def test_full_width_fields_and_middle_dot_name() -> None:
    ayi = SAMPLE_CARDS["ayi"]
    assert len(ayi.address) == 35
    card = decode_read_payload(encode_read_payload(ayi))
    assert card == ayi
    assert card.name == "阿依古丽·买买提" and card.nation == "维吾尔"
    assert card.birth_date == dt.date(1996, 2, 29)


def test_every_sample_card_round_trips() -> None:
    for card in SAMPLE_CARDS.values():
        decoded = decode_read_payload(encode_read_payload(card))
        assert decoded == card
        assert decoded.photo_wlt == card.photo_wlt


def test_nation_list_is_gb_3304() -> None:
    assert len(NATIONS) == 58
    assert sorted(NATIONS) == [f"{i:02d}" for i in range(1, 57)] + ["97", "98"]
    assert NATIONS["46"] == "德昂"
    assert not any("昴" in name for name in NATIONS.values())
    spot = {"01": "汉", "02": "蒙古", "05": "维吾尔", "10": "朝鲜", "15": "土家", "22": "畲",
            "29": "柯尔克孜", "32": "仫佬", "37": "仡佬", "43": "乌孜别克", "44": "俄罗斯",
            "52": "鄂伦春", "55": "珞巴", "56": "基诺", "97": "其他", "98": "外国血统"}
    assert {code: NATIONS[code] for code in spot} == spot
    assert len(set(NATIONS.values())) == 58


def test_deang_card_decodes() -> None:
    assert decode_read_payload(encode_read_payload(SAMPLE_CARDS["deang"])).nation == "德昂"


def test_repr_str_and_public_dict_mask_personal_data() -> None:
    for card in SAMPLE_CARDS.values():
        for text in (repr(card), str(card), f"{card}", f"{card!r}", str([card]), str({"c": card})):
            assert card.id_number not in text
            assert card.name not in text
            assert card.address not in text
            assert card.id_number_masked in text
        public = card.to_public_dict()
        assert "id_number" not in public
        assert public["id_number_masked"] == card.id_number[:6] + "********" + card.id_number[-4:]
        assert card.id_number not in json.dumps(public, ensure_ascii=False)


def test_card_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        WANG.name = "x"  # type: ignore[misc]


class _FakeWlt(PhotoDecoder):
    """Stands in for a vendor WLT library: the plug-in point is what is tested."""

    def __init__(self) -> None:
        self.seen: bytes | None = None

    def decode(self, wlt: bytes) -> bytes | None:
        self.seen = wlt
        return b"BM" + bytes(10)


def test_photo_kept_raw_and_decoder_plug_in() -> None:
    payload = encode_read_payload(WANG)
    plain = decode_read_payload(payload)
    assert plain.photo_wlt == payload[260:1284] and plain.photo_image is None
    assert plain.to_public_dict()["photo_decoded"] is False
    decoder = _FakeWlt()
    card = decode_read_payload(payload, decoder)
    assert decoder.seen == payload[260:1284]
    assert card.photo_image == b"BM" + bytes(10) and card.to_public_dict()["photo_decoded"] is True


BAD_FIELDS = [
    (dict(sex="9"), "sex_code"),
    (dict(nation="57"), "nation_code"),
    (dict(birth="19850230"), "birth_date"),
    (dict(birth="1985031A", number=WANG_ID), "birth_date"),
    (dict(name=""), "name"),
    (dict(address=""), "address"),
    (dict(number=WANG_ID[:17] + "2"), "id_number"),        # wrong check character
    (dict(number=WANG_ID[:17]), "id_number"),              # 17 characters
    (dict(number=fictitious_id("410425", dt.date(1985, 3, 13), 3)), "id_number"),  # other birth date
    (dict(number=fictitious_id("410425", dt.date(1985, 3, 12), 4)), "id_number"),  # female sequence
    (dict(start="20160520", end="20060520"), "valid_to"),
    (dict(end="长久"), "valid_to"),
]


@pytest.mark.parametrize(("change", "field"), BAD_FIELDS)
def test_bad_fields_name_the_field_not_the_value(change: dict, field: str) -> None:
    with pytest.raises(CardDataError) as info:
        decode_text_block(_block(**change))
    err = info.value
    assert isinstance(err, ProtocolError)
    assert f"field {field}" in str(err)
    for secret in (WANG_ID, "王建国", "紫云路", change.get("number", WANG_ID)):
        assert secret not in str(err) and secret not in repr(err)


def test_foreigner_card_kind_is_refused_as_unknown_type() -> None:
    with pytest.raises(UnknownCardType, match="foreigner") as info:
        decode_text_block(_block(reserved=" " * 14 + "I"))
    assert WANG_ID not in str(info.value)
    with pytest.raises(UnknownCardType, match="Hong Kong"):
        decode_text_block(_block(reserved=" " * 14 + "J"))


def test_any_non_blank_reserved_area_is_refused() -> None:
    with pytest.raises(UnknownCardType, match="layout"):
        decode_text_block(_block(reserved="Q"))


def test_nul_padding_is_accepted() -> None:
    block = _block()[:220] + bytes(36)
    assert decode_text_block(block).id_number == WANG_ID


def test_unexpected_text_length_is_unknown_type() -> None:
    payload = bytearray(encode_read_payload(WANG))
    payload[0:2] = (512).to_bytes(2, "big")
    with pytest.raises(UnknownCardType, match="512 bytes"):
        decode_read_payload(bytes(payload))


def test_short_payload_is_card_data_error() -> None:
    with pytest.raises(CardDataError, match="announces"):
        decode_read_payload(encode_read_payload(WANG)[:700])
    with pytest.raises(CardDataError, match="fewer than"):
        decode_read_payload(b"\x01")


def test_invalid_utf16_is_card_data_error() -> None:
    block = bytearray(_block())
    block[0:2] = b"\x00\xD8"  # a lone high surrogate
    with pytest.raises(CardDataError, match="UCS-2"):
        decode_text_block(bytes(block))


def test_encoder_refuses_overlong_fields() -> None:
    with pytest.raises(ValueError, match="name"):
        encode_text_block(dataclasses.replace(WANG, name="王" * 16))
