"""Every JSON request body in the platform's document carries an example, and the example
is one the service accepts: valid against the published schema (what clients and generated
code see) and against the service's own model (its cross-field rules included)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from backbone.apidocs import merge, service_apps


def _request_bodies(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    bodies = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            for media_type, media in operation.get("requestBody", {}).get("content",
                                                                           {}).items():
                if media_type.endswith("json"):
                    bodies.append((f"{method.upper()} {path}", media["schema"]))
    return bodies


def _examples(schema: dict[str, Any], document: dict[str, Any]) -> list[Any]:
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema.get("examples", [])


APPS = service_apps()
DOCUMENT = merge({name: app.openapi() for name, app in APPS.items()})
BODIES = _request_bodies(DOCUMENT)


def test_the_platform_takes_json_bodies() -> None:
    assert len(BODIES) >= 40


@pytest.mark.parametrize(("operation", "schema"), BODIES, ids=[op for op, _ in BODIES])
def test_each_body_has_an_example_its_schema_accepts(operation: str,
                                                     schema: dict[str, Any]) -> None:
    examples = _examples(schema, DOCUMENT)
    assert examples, f"{operation} shows no example body"
    validator = Draft202012Validator({**schema, "components": DOCUMENT["components"]})
    for example in examples:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(example)]
        assert not errors, f"{operation}: {errors}"


def _subclasses(cls: type[BaseModel]) -> Iterator[type[BaseModel]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _body_models() -> list[tuple[str, type[BaseModel]]]:
    """Each service's body models, found by the component names its document refers to."""
    models = []
    for service, app in APPS.items():
        own = {m.__name__: m for m in _subclasses(BaseModel)
               if m.__module__.split(".")[0] in (service, "backbone")}
        for operation, schema in _request_bodies(app.openapi()):
            name = schema["$ref"].rsplit("/", 1)[1].removesuffix("-Input")
            models.append((f"{service} {operation}", own[name]))
    return models


BODY_MODELS = _body_models()


def test_every_json_body_is_a_model() -> None:
    assert len(BODY_MODELS) == len(BODIES)


@pytest.mark.parametrize(("route", "model"), BODY_MODELS, ids=[r for r, _ in BODY_MODELS])
def test_each_example_passes_the_services_own_rules(route: str, model: type[BaseModel]) -> None:
    examples = model.model_json_schema().get("examples", [])
    assert examples, f"{route}: {model.__name__} shows no example"
    for example in examples:
        model.model_validate(example)
