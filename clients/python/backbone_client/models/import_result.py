from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_mode import ImportMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consistency_note import ConsistencyNote
    from ..models.import_summary import ImportSummary
    from ..models.row_result import RowResult


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """
    Attributes:
        import_id (None | UUID): None for a dry run or a refused import.
        applied (bool): Whether anything was stored.
        dry_run (bool):
        mode (ImportMode):
        summary (ImportSummary):
        results (list[RowResult]):
        ignored_columns (list[str] | Unset):
        consistency (list[ConsistencyNote] | Unset): Where a reported figure and the groups reported beside it disagree,
            in the periods, places and organizations the import touched (with the import's rows, also on a dry run).
    """

    import_id: None | UUID
    applied: bool
    dry_run: bool
    mode: ImportMode
    summary: ImportSummary
    results: list[RowResult]
    ignored_columns: list[str] | Unset = UNSET
    consistency: list[ConsistencyNote] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        import_id: None | str
        if isinstance(self.import_id, UUID):
            import_id = str(self.import_id)
        else:
            import_id = self.import_id

        applied = self.applied

        dry_run = self.dry_run

        mode = self.mode.value

        summary = self.summary.to_dict()

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        ignored_columns: list[str] | Unset = UNSET
        if not isinstance(self.ignored_columns, Unset):
            ignored_columns = self.ignored_columns

        consistency: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.consistency, Unset):
            consistency = []
            for consistency_item_data in self.consistency:
                consistency_item = consistency_item_data.to_dict()
                consistency.append(consistency_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "import_id": import_id,
                "applied": applied,
                "dry_run": dry_run,
                "mode": mode,
                "summary": summary,
                "results": results,
            }
        )
        if ignored_columns is not UNSET:
            field_dict["ignored_columns"] = ignored_columns
        if consistency is not UNSET:
            field_dict["consistency"] = consistency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consistency_note import ConsistencyNote  # noqa: PLC0415
        from ..models.import_summary import ImportSummary  # noqa: PLC0415
        from ..models.row_result import RowResult  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_import_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                import_id_type_0 = UUID(data)

                return import_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        import_id = _parse_import_id(d.pop("import_id"))

        applied = d.pop("applied")

        dry_run = d.pop("dry_run")

        mode = ImportMode(d.pop("mode"))

        summary = ImportSummary.from_dict(d.pop("summary"))

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = RowResult.from_dict(results_item_data)

            results.append(results_item)

        ignored_columns = cast(list[str], d.pop("ignored_columns", UNSET))

        _consistency = d.pop("consistency", UNSET)
        consistency: list[ConsistencyNote] | Unset = UNSET
        if _consistency is not UNSET:
            consistency = []
            for consistency_item_data in _consistency:
                consistency_item = ConsistencyNote.from_dict(consistency_item_data)

                consistency.append(consistency_item)

        import_result = cls(
            import_id=import_id,
            applied=applied,
            dry_run=dry_run,
            mode=mode,
            summary=summary,
            results=results,
            ignored_columns=ignored_columns,
            consistency=consistency,
        )

        import_result.additional_properties = d
        return import_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
