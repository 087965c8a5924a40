"""Signals other apps listen to: events knows nothing of who is told."""

from django.dispatch import Signal

# Sent after commit when a published series part gets a new date or time (kwargs: part, previous start).
broadcast_moved = Signal()
