"""Sync agent: reads the outbox, seals batches, talks to the county gateway, applies pulled changes."""
