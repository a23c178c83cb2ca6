"""Case flows as headless services over the store: acceptance, signing, payment, handover, mailing."""
