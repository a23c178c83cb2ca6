"""The kiosk shell: main window, header, staff status, idle handling, welcome, `kiosk run` and snapshots."""
