"""The activities HTTP surface: request and response models, one module per resource, and
the computed views (alignment, gaps, overlaps, the network map)."""
