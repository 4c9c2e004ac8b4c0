"""Field types every activities schema uses."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

Title = Annotated[str, Field(min_length=1, max_length=300)]
Text = Annotated[str, Field(max_length=20_000)]
GeographyCode = Annotated[str, StringConstraints(min_length=1, max_length=200,
                                                 strip_whitespace=True),
                          Field(examples=["East Riverside"],
                                description="A code of the initiative's geography list; the "
                                            "same text measurement's observations use for "
                                            "the place.")]
