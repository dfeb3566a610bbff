"""Shared fixtures: the seed article and helpers to extract from short texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimledger import settings

settings.apply_offline_defaults()
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_de3101bb959c5679.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED
