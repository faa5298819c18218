"""Whether an installed upstream package is the version a private fast copy was checked against."""

from __future__ import annotations

import warnings
from importlib.metadata import PackageNotFoundError, version

__all__ = ["installed_is_checked"]


def installed_is_checked(upstream: str, checked: str, scorer: str) -> bool:
    """True when ``upstream`` is installed at version ``checked``; otherwise warn (naming ``scorer``,
    whose own slower code is then used, with the same results as upstream) and return False."""
    try:
        installed = version(upstream)
    except PackageNotFoundError:
        installed = "unknown"
    if installed == checked:
        return True
    warnings.warn(
        f"{upstream} {installed} is installed; analysis's fast copy of its scorer was checked "
        f"against {checked}, so {scorer}'s own (slower) scorer is used",
        RuntimeWarning,
        stacklevel=3,
    )
    return False
