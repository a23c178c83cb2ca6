"""Reference county gateway: the server side of the sync protocol, its store and admin commands."""
