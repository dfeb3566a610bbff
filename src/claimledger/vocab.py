"""Vocabularies kept as versioned YAML data files beside this module."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).with_name("data")


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed data file `data/<name>.yaml`."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def metric_names() -> tuple[str, ...]:
    """The metric vocabulary, in file order."""
    return tuple(load("metrics")["metrics"])


def vague_policy_version() -> int:
    """Version of the vague-quantity policy, recorded on every value it produced."""
    return int(load("vague_quantities")["version"])


@cache
def source_alias_index() -> dict[str, str]:
    """Lower-cased alias -> canonical source name."""
    index: dict[str, str] = {}
    for canonical, entry in load("source_aliases")["sources"].items():
        index[canonical.lower()] = canonical
        for alias in entry["aliases"]:
            index[str(alias).lower()] = canonical
    return index


@cache
def canonical_sources() -> frozenset[str]:
    """Every canonical source name in the alias table."""
    return frozenset(source_alias_index().values())


@cache
def metric_cues() -> dict[str, tuple[str, str]]:
    """Lower-cased cue phrase -> (metric, kind)."""
    cues: dict[str, tuple[str, str]] = {}
    for metric, entry in load("metrics")["metrics"].items():
        for cue in entry["cues"]:
            cues.setdefault(str(cue).lower(), (metric, entry["kind"]))
    return cues


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """A list in a data file as a lower-cased set."""
    return frozenset(str(word).lower() for word in load(name)[key])
