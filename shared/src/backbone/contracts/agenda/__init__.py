"""What agenda publishes on ``backbone.agenda.v1``: entity states and the event types."""
