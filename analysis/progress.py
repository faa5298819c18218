"""Progress bars that show where a person is watching: in a terminal and in Jupyter.

``progress_bar`` wraps tqdm's auto mode (a widget in Jupyter, text in a terminal). Whether a bar
shows is decided once, here: ``enabled=True``/``False`` force it; ``None`` (the default) shows it
when standard error is a terminal or the code runs in a Jupyter kernel, unless the environment
variable ``SOURCE_BIAS_QUIET`` is set (``--quiet`` on the command line, and ``render`` for the
notebooks it executes, so rendered pages hold no bars). ``delay`` keeps quick work silent.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

__all__ = ["QUIET_ENV", "progress_bar", "show_progress"]

QUIET_ENV = "SOURCE_BIAS_QUIET"


def _in_jupyter() -> bool:
    shell = sys.modules.get("IPython")
    if shell is None or "ipykernel" not in sys.modules:
        return False
    ipython = shell.get_ipython() if hasattr(shell, "get_ipython") else None
    return ipython is not None and getattr(ipython, "kernel", None) is not None


def show_progress(enabled: bool | None = None) -> bool:
    """Whether a bar should show: ``enabled`` if given, else a terminal or Jupyter, not quiet."""
    if enabled is not None:
        return enabled
    if os.environ.get(QUIET_ENV):
        return False
    try:
        tty = sys.stderr.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty or _in_jupyter()


def progress_bar(
    iterable: Iterable[Any] | None = None,
    *,
    total: int | None = None,
    desc: str = "",
    unit: str = "it",
    enabled: bool | None = None,
    delay: float = 0.0,
) -> Any:
    """A tqdm bar (auto: widget in Jupyter, text in a terminal), disabled where nobody watches."""
    from tqdm.auto import tqdm  # loaded when a bar is shown

    return tqdm(
        iterable, total=total, desc=desc, unit=unit, disable=not show_progress(enabled),
        delay=delay, mininterval=0.5, leave=False,
    )
