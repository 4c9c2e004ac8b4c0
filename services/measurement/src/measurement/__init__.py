"""Backbone measurement service: shared measurement for collective impact initiatives."""
