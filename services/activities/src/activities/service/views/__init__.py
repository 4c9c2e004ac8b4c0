"""The computed views of an initiative: what its activities, agenda and measures say
together. Each reads what it needs in a few set-based queries, then applies the rules of
``activities.domain``."""
