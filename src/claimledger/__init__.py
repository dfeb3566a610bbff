"""claimledger: numeric claims in news, extracted with their sources and checked across articles."""

from __future__ import annotations

__version__ = "0.2.0"
