"""Contributors: organizations taking part in an activity, in IATI's participating
organization roles, and what each brings."""

from __future__ import annotations

import uuid
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, Field, StrictFloat, model_validator

from activities.schemas.common import Text
from backbone.http.schemas import EntityRead, Input, Patch, example, patch_field


class ContributorRole(StrEnum):
    """IATI's participating-organization roles."""

    FUNDING = "funding"
    ACCOUNTABLE = "accountable"
    EXTENDING = "extending"
    IMPLEMENTING = "implementing"


class Money(Input):
    amount: Annotated[Decimal, Field(ge=0, le=Decimal("1e15"), decimal_places=4,
                                     allow_inf_nan=False, examples=["25000.00"])]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$", examples=["USD"],
                                   description="ISO 4217 code.")]


StaffHours = Annotated[StrictFloat, Field(ge=0, le=1e9, allow_inf_nan=False)]


class ContributorCreate(Input):
    model_config = example(
        organization_id="6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", role="funding",
        money={"amount": "60000.00", "currency": "USD"}, description="Year one")

    organization_id: uuid.UUID = Field(description="An organization of the network's "
                                                   "directory (a partner's own).")
    role: ContributorRole
    money: Money | None = None
    staff_hours: StaffHours | None = None
    in_kind: Text = Field(default="", description="What it gives in kind (space, "
                                                  "materials, volunteers...).")
    description: Text = ""


class ContributorUpdate(Patch):
    model_config = example(staff_hours=320, in_kind="Reading rooms in two branches")

    money: Money | None = patch_field()
    staff_hours: StaffHours | None = patch_field()
    in_kind: Text = patch_field()
    description: Text = patch_field()


class MoneyRead(BaseModel):
    amount: Decimal
    currency: str


class ContributorRead(EntityRead):
    """Read from the entity, or from its row, whose amount and currency are columns."""

    initiative_id: uuid.UUID
    activity_id: uuid.UUID
    organization_id: uuid.UUID
    role: ContributorRole
    money: MoneyRead | None
    staff_hours: float | None
    in_kind: str
    description: str

    @model_validator(mode="before")
    @classmethod
    def _money_from_columns(cls, data: Any) -> Any:
        if isinstance(data, dict) and "money_amount" in data:
            amount = data["money_amount"]
            data = {**data, "money": None if amount is None else {
                "amount": amount, "currency": data["money_currency"]}}
        return data
