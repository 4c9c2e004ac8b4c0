"""What measurement publishes on ``backbone.measurement.v1``: its entities' states, figures
and the event types."""
