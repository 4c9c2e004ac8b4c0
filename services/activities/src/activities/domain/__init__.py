"""The rules of alignment, free of storage and HTTP: when an activity runs, where it
reaches, whom it serves, and from those the gaps, overlaps and the network's shape."""
