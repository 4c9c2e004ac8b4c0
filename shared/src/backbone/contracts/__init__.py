"""The published contracts of Backbone's services: their event types and payload models.

A producer validates what it publishes against these models and a consumer parses what it
receives with the very same ones, so the two cannot drift apart. A service's HTTP read
models are part of its contract where its events carry the same state.
"""
