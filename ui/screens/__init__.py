"""The screens of the app: buyer self-service, the handover counter, staff and technician pages."""
