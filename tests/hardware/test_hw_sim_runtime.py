"""The simulators' runtime API: a card placed on or taken off the simulated reader, and a picture held up
to the simulated camera, from another thread while the device's own thread reads, across opens."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from hardware.camera.sim_scene import CameraScene, code_held_up
from hardware.devices import CameraDevice, CardReaderDevice
from hardware.idcard.errors import NoCard
from hardware.idcard.reader import StepTimeouts
from hardware.idcard.simulator import SAMPLE_CARDS, CardSlot, Fault, card_of
from hardware.scanning.pipeline import DecoderPipeline
from kiosk.rules.idcard import parse_id_number

FAST = StepTimeouts.uniform(1.0)
# A sample buyer of resources/samples/units.json (fictitious).
BUYER = ("余志刚", "410425196903011572")


def test_a_card_for_any_person_reads_back_over_the_real_protocol() -> None:
    device = CardReaderDevice("sim://?card=none")
    assert device.card_slot is not None
    device.card_slot.place(card_of(*BUYER))
    with device.open(FAST) as reader:
        card = reader.read_card()
    assert (card.name, card.id_number) == BUYER
    assert card.birth_date.isoformat() == "1969-03-01" and card.sex_code == "1"
    parse_id_number(card.id_number)  # a valid number, check character included


def test_the_slot_outlives_each_open_and_starts_as_the_uri_says() -> None:
    device = CardReaderDevice("sim://?card=zhao")
    with device.open(FAST) as reader:
        assert reader.read_card().id_number == SAMPLE_CARDS["zhao"].id_number
    assert device.card_slot is not None
    device.card_slot.remove()
    with device.open(FAST) as reader, pytest.raises(NoCard):
        reader.read_card()
    device.card_slot.place(SAMPLE_CARDS["wang"])
    with device.open(FAST) as reader:
        assert reader.read_card().id_number == SAMPLE_CARDS["wang"].id_number


def test_a_card_placed_from_another_thread_ends_a_wait_under_way() -> None:
    device = CardReaderDevice("sim://?card=none")
    slot = device.card_slot
    assert slot is not None
    placed_at: list[float] = []

    def place_later() -> None:
        time.sleep(0.6)
        placed_at.append(time.monotonic())
        slot.place(card_of(*BUYER))

    helper = threading.Thread(target=place_later)
    helper.start()
    with device.open(FAST) as reader:
        card = reader.wait_for_card(10.0)
    helper.join()
    assert card.id_number == BUYER[1] and placed_at and time.monotonic() - placed_at[0] < 5


def test_a_lifted_card_leaves_the_slot_empty_and_a_new_card_is_kept() -> None:
    card = card_of(*BUYER)
    slot = CardSlot(card, Fault.LIFTED)
    assert slot.lift(card) and slot.state() == (None, Fault.NONE)
    other = SAMPLE_CARDS["wang"]
    slot.place(other)
    assert not slot.lift(card), "a card placed meanwhile is not taken away"
    assert slot.card is other


def test_real_devices_have_no_slot_or_scene() -> None:
    assert CardReaderDevice("serial:///dev/ttyUSB9").card_slot is None
    assert CameraDevice("cam://0").scene is None


def _decoded(device: CameraDevice, frames: int = 10) -> list[str]:
    camera = device.open()
    camera.start()
    try:
        pipeline = DecoderPipeline()
        texts: list[str] = []
        for _ in range(frames):
            texts = [s.text for s in pipeline.decode(camera.latest(2.0).image)]
            if texts:
                break
        return texts
    finally:
        camera.stop()


def test_a_code_held_up_is_seen_by_every_open_until_taken_away() -> None:
    device = CameraDevice("sim://?fps=20")
    assert device.scene is not None
    assert _decoded(device, frames=3) == []
    text = f"EID|{BUYER[0]}|{BUYER[1]}"
    device.scene.hold_up(code_held_up(text))
    assert _decoded(device) == [text]
    assert _decoded(device) == [text], "a second open sees the same scene"
    device.scene.take_away()
    assert _decoded(device, frames=3) == []


def test_a_code_held_up_while_the_camera_runs_reaches_its_thread() -> None:
    device = CameraDevice("sim://?fps=30")
    assert device.scene is not None
    camera = device.open()
    camera.start()
    try:
        blank = camera.latest(2.0).image
        assert int(blank.mean()) == 128
        device.scene.hold_up(code_held_up("410425196903011572"))
        deadline = time.monotonic() + 5
        while (frame := camera.latest(2.0).image).mean() == blank.mean():
            assert time.monotonic() < deadline, "the held-up picture never reached the camera's frames"
        assert [s.text for s in DecoderPipeline().decode(frame)] == ["410425196903011572"]
    finally:
        camera.stop()


def test_the_scene_refuses_what_is_not_a_picture() -> None:
    scene = CameraScene()
    with pytest.raises(ValueError):
        scene.hold_up(np.zeros((10, 10), np.uint8))
    picture = code_held_up("x")
    scene.hold_up(picture)
    picture[:] = 0
    held = scene.picture
    assert held is not None and held.max() == 255, "the scene keeps its own copy"
