"""Second-generation resident ID card reader: SAM serial protocol, card decoding,
the pyserial driver, a pty simulator, and URI-based opening with a self-test."""
