from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.import_mode import ImportMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_row import BatchRow


T = TypeVar("T", bound="BatchRequest")


@_attrs_define
class BatchRequest:
    """
    Attributes:
        rows (list[BatchRow]):
        mode (ImportMode | Unset):
        dry_run (bool | Unset):  Default: False.
    """

    rows: list[BatchRow]
    mode: ImportMode | Unset = UNSET
    dry_run: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rows": rows,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_row import BatchRow  # noqa: PLC0415

        d = dict(src_dict)
        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = BatchRow.from_dict(rows_item_data)

            rows.append(rows_item)

        _mode = d.pop("mode", UNSET)
        mode: ImportMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = ImportMode(_mode)

        dry_run = d.pop("dry_run", UNSET)

        batch_request = cls(
            rows=rows,
            mode=mode,
            dry_run=dry_run,
        )

        return batch_request
