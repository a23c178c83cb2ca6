"""Every voice prompt of the buyer screens: its id and the catalog messages it says, in order.

A message is ``(context, English source)`` as in the translation catalogs
(resources/translations/*.ts); the clip says their Chinese translations one
after the other. Only messages without placeholders: a clip is fixed at build
time and must never carry personal data.
"""

from __future__ import annotations

Message = tuple[str, str]

PROMPTS: dict[str, tuple[Message, ...]] = {
    # The welcome screen (what 重听 says there; it stays quiet until asked).
    "welcome.intro": (
        ("WelcomeScreen", "At this terminal you sign for your new home, pay the fees, and collect "
                          "your keys together with your property certificate."),
        ("WelcomeScreen", "Please have your ID card ready."),
    ),
    # Identification.
    "identify.start": (("IdentifyScreen", "Who are you? Choose one way"),
                       ("IdentifyScreen", "Please place your ID card flat on the reader below the screen.")),
    "identify.card": (("IdentifyScreen", "Please place your ID card flat on the reader below the screen."),),
    "identify.qr": (("IdentifyScreen", "Hold the QR code of your electronic ID or of your contract "
                                       "in front of the camera, about 20 cm away."),),
    "identify.keypad": (("IdKeypad", "Type the 18 characters of your ID number."),),
    "identify.alternatives": (("IdentifyScreen", "No card yet? You can also show your QR code or type your "
                                                 "ID number: use the buttons on the left."),),
    "identify.reader_down": (("IdentifyScreen", "The card reader is not working right now. "
                                                "Please show your QR code or type your ID number instead."),),
    "identify.card_moved": (("IdentifyScreen", "The card was moved while it was being read. "
                                               "Please place it again and hold it still."),),
    "identify.card_unknown": (("IdentifyScreen", "This card cannot be read here. Please type your ID number instead."),),
    "identify.card_unread": (("IdentifyScreen", "The card could not be read. "
                                                "Please place it again, or choose another way on the left."),),
    "identify.camera_down": (("IdentifyScreen", "The camera is not working right now. "
                                                "Please place your ID card or type your ID number instead."),),
    "identify.not_found": (("IdentifyScreen", "No home purchase was found for this ID number at this terminal. "
                                              "Please check the number, or ask staff at the counter."),),
    # The services' refusals, as every buyer screen words them (ui/screens/buyer/common.py).
    "refusal.id_legacy15": (("BuyerRefusal", "This is an old 15-digit ID number, which can no longer be used. "
                                             "Please use your current 18-character ID card."),),
    "refusal.id_checksum": (("BuyerRefusal", "The ID number does not check out. Please compare it with your ID card."),),
    "refusal.id_length": (("BuyerRefusal", "An ID number has 18 characters. Please type it again from your ID card."),),
    "refusal.id_invalid": (("BuyerRefusal", "This cannot be an ID number. Please compare it with your ID card."),),
    "refusal.eid_qr": (("BuyerRefusal", "This code does not carry an ID number. "
                                        "Please show your e-ID code or place your ID card."),),
    "refusal.unsigned_buyers": (("BuyerRefusal", "Every buyer on the contract has to sign it. "
                                                 "Please ask the other buyers to come, or ask staff."),),
    "refusal.unsigned": (("BuyerRefusal", "Every buyer present has to sign both papers. Please ask staff."),),
    "refusal.not_a_buyer": (("BuyerRefusal", "A signature came from someone not on the contract. Please ask staff."),),
    "refusal.not_identified": (("BuyerRefusal", "A signature came from someone not identified. Please ask staff."),),
    "refusal.not_the_signer": (("BuyerRefusal", "This ID card is not the signer's. "
                                                "The person named on the screen places their own ID card."),),
    "refusal.signer_not_identified": (("BuyerRefusal", "A signer's own ID card was not read before signing. "
                                                       "Please sign again: each signer places their ID card first."),),
    "refusal.illegal_transition": (("BuyerRefusal", "This step is already done or not possible now. "
                                                    "Please go back to your case."),),
    "refusal.training_unit": (("BuyerRefusal", "This is a practice case. Payments are only possible in practice mode."),),
    "refusal.unknown_unit": (("BuyerRefusal", "This unit is not known at this terminal. Please ask staff."),),
    "refusal.order_exists": (("BuyerRefusal", "A payment order already exists for this unit. "
                                              "Please go back and open it."),),
    "refusal.bad_signature": (("BuyerRefusal", "The signature could not be recorded. Please sign again."),),
    "refusal.other": (("BuyerRefusal", "This step cannot be done here now. Please ask staff for help."),),
    "refusal.unexpected": (("BuyerRefusal", "Something went wrong at the terminal. "
                                            "Nothing was lost; please ask staff for help."),),
    # The buyer's case: where it stands.
    "my_case.blocked": (("MyCaseScreen", "Not ready for handover yet."),),
    "my_case.ready": (("MyCaseScreen", "Ready for handover: please go to the counter with every co-owner."),),
    "my_case.in_handover": (("MyCaseScreen", "Your handover is under way."),),
    "my_case.delivered": (("MyCaseScreen", "Handed over. Your certificate is ready to keep."),),
    # Reading and signing.
    "read_sign.contract": (("ReadSignScreen", "Read and sign the contract"),
                           ("ReadSignScreen", "Signing opens on the last page.")),
    "read_sign.papers": (("ReadSignScreen", "Read and sign the handover papers"),
                         ("ReadSignScreen", "Signing opens on the last page.")),
    "read_sign.sign": (("SignaturePad", "Please sign your full name in the box above the line."),),
    "read_sign.card": (("IdentifyScreen", "Please place your ID card flat on the reader below the screen."),
                       ("SignerCard", "Each signer shows their own ID card before signing, so nobody can sign "
                                      "for someone else.")),
    "read_sign.card_unread": (("SignerCard", "The card could not be read. Please place it again and hold it still."),),
    "read_sign.reader_down": (("SignerCard", "The card reader is not working right now. Please sign at the counter."),),
    "read_sign.to_counter": (("ReadSignScreen", "Please go to the service counter with every signer and their "
                                                "ID cards: staff will check them and you sign there."),),
    # Paying.
    "pay.scan": (("PayScreen", "Pay taxes and fees with one code"),
                 ("PayScreen", "Scan with a bank app, WeChat or Alipay. One payment pays every item.")),
    "pay.last_minute": (("PayScreen", "Less than a minute left. After paying, please wait here for the confirmation."),),
    "pay.paid": (("PayScreen", "Paid: every item is confirmed."),
                 ("PayScreen", "Thank you. Go back to your case for the next step.")),
    "pay.expired": (("PayScreen", "The time for this code is up."),
                    ("PayScreen", "Paid already? Your payment is not lost: the confirmation can take a few minutes. "
                                  "You may come back later, or ask staff to check."),
                    ("PayScreen", "Not paid yet? Show the code again.")),
    # The end: certificate, evaluation, mailing.
    "done.congratulations": (("DoneScreen", "Congratulations on your new home"),
                             ("DoneScreen", "Please rate this service.")),
    "done.evaluated": (("DoneScreen", "Thank you. Your evaluation is recorded."),),
    "done.mail_id": (("DoneScreen", "Please type your own ID number first."),),
    "done.mail_sent": (("DoneScreen", "The mailing request is sent. The tracking number comes by text message."),),
    # The shell around every buyer screen.
    "shell.more_time": (("CountdownPanel", "Do you need more time?"),
                        ("CountdownPanel", "If you do not answer, the session ends and your details are "
                                           "cleared from the screen.")),
    "shell.call_staff": (("CallStaffPanel", "Please wait here: a staff member is coming to help you."),
                         ("CallStaffPanel", "If nobody comes within a few minutes, please go to the service desk.")),
    "shell.fault": (("FaultPanel", "Something went wrong with the system. Please ask a staff member."),
                    ("FaultPanel", "Your details have been cleared from the screen. "
                                   "You can start again when staff have checked the terminal.")),
}
