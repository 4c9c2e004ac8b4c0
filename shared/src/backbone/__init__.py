"""Backbone's common library: what every service shares and nothing service-specific."""
