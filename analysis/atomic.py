"""Write outputs whole or not at all, and never over anything the suite did not make.

Two promises, one module:

* **Whole or nothing.** A file is written to a temporary sibling and renamed into place; a folder is
  built in a temporary sibling and swapped in. A reader never sees half an output; on any error or
  interrupt the temporary copy is removed and the old output is left as it was.
* **Nothing destroyed.** A file output may only replace a *regular* file that is not one of the inputs
  (never a folder, a device such as ``/dev/null``, a FIFO or an article being compared). A folder output
  may only replace a folder the suite made itself (it holds :data:`OUTPUT_MARKER`) or an empty one; any
  other folder, and any file, is refused.

Every refusal or write failure (permissions, read-only disk, full disk, a path under a regular file)
is an :class:`OutputError` whose message is one line naming the path and the problem.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

__all__ = ["OUTPUT_MARKER", "OutputError", "check_output_file", "check_output_dir", "write_text_atomic", "replace_dir_atomic"]

#: The file that marks a folder as made by ``render``; only such folders (or empty ones) are replaced.
OUTPUT_MARKER = ".source-bias-output"
_MARKER_TEXT = (
    "This folder was written by the source-bias comparison suite (`render`).\n"
    "The suite replaces it whole on the next render; do not keep your own files here.\n"
)


class OutputError(OSError):
    """An output path the suite refuses, or a write that failed; the message is one line."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        self.message = f"{_shown(path)}: {problem}"
        super().__init__(self.message)

    def __str__(self) -> str:  # OSError's own str() would add "[Errno …]"
        return self.message


def _shown(path: str | Path) -> str:
    """The path on one line: a name holding control characters (a newline) is shown quoted."""
    text = str(path)
    return repr(text) if any(ord(ch) < 32 or ord(ch) == 127 for ch in text) else text


def _reason(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "the disk is full"
    if err.errno == errno.EROFS:
        return "the file system is read-only"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.ENOTDIR:
        return "a part of the path is a regular file, not a folder"
    if err.errno == errno.EISDIR:
        return "is a folder"
    return err.strerror or type(err).__name__


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_parent(path: Path) -> None:
    """Refuse a path whose nearest existing ancestor is not a folder (``report.txt/out.html``)."""
    for ancestor in path.parents:
        try:
            mode = os.stat(ancestor).st_mode
        except FileNotFoundError:
            continue
        except OSError as err:
            raise OutputError(path, f"cannot reach {_shown(ancestor)}: {_reason(err)}") from None
        if not stat.S_ISDIR(mode):
            raise OutputError(path, f"{_shown(ancestor)} is a regular file, not a folder")
        return


def _mode_of(path: Path) -> int | None:
    """The file-type bits of ``path`` (links followed), None when nothing is there."""
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as err:  # a symlink loop, a permission problem on the way
        raise OutputError(path, _reason(err)) from None


def check_output_file(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Return ``path`` if a file may be written there; raise :class:`OutputError` otherwise.

    Allowed: a new file, or an existing regular file (or a link to one) that is none of ``inputs``.
    Refused: a name ending in ``/``, a folder, a device, a FIFO, a socket, an input, a path under a file.
    """
    shown = str(path)
    if shown.endswith(("/", os.sep)):
        raise OutputError(path, "names a folder (ends with '/'); give a file name such as DIR/report.html")
    path = Path(path)
    mode = _mode_of(path)
    if mode is not None:
        if not stat.S_ISREG(mode):
            raise OutputError(path, f"is {_kind(mode)}; the output is written only to a new or regular file")
        for source in inputs:
            if _same_file(path, Path(source)):
                raise OutputError(path, "is one of the input articles; choose another output path")
    _check_parent(path)
    return path


def write_text_atomic(path: str | Path, text: str, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename.

    A reader never sees a half-written file; on error or interrupt the temporary file is removed and
    the old file (if any) is left as it was. ``inputs`` are files the output must never replace.
    """
    path = check_output_file(path, inputs=inputs)
    if not isinstance(text, str):
        raise TypeError(f"write_text_atomic needs a str, not {type(text).__name__}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise OutputError(path, f"cannot write: {_reason(err)}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())  # a full disk shows here, not after the rename
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an output is shared like any file
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, f"cannot write: {_reason(err)}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


_LEGACY_SUFFIXES = {".html", ".ipynb", ".json"}
_LEGACY_TITLE = "<title>Source-bias comparison suite</title>"


def _owned(folder: Path) -> bool:
    """A folder this suite made: it holds the marker, or it is a site from before the marker existed
    (only .html/.ipynb/.json files, and an index page with the suite's own title)."""
    if (folder / OUTPUT_MARKER).is_file():
        return True
    try:
        entries = list(folder.iterdir())
        index = (folder / "index.html").read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return False
    return _LEGACY_TITLE in index and all(
        p.is_file() and not p.is_symlink() and p.suffix in _LEGACY_SUFFIXES for p in entries
    )


def check_output_dir(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Return ``path`` (absolute) if an output folder may be (re)placed there; raise otherwise.

    Allowed: a new folder, an empty folder, or a folder the suite made (it holds :data:`OUTPUT_MARKER`).
    Refused: a file, a device, any other non-empty folder, a folder that is or holds one of ``inputs``,
    and a path under a regular file.
    """
    path = Path(os.path.abspath(path))
    mode = _mode_of(path)
    for source in inputs:
        source = Path(os.path.abspath(source))
        if source == path or path in source.parents or (mode is not None and _same_file(path, source)):
            raise OutputError(path, f"holds the input {_shown(source)}; choose another output folder")
    if mode is not None:
        if not stat.S_ISDIR(mode):
            what = "a regular file" if stat.S_ISREG(mode) else _kind(mode)
            raise OutputError(path, f"is {what}; the output is a folder: give a new or empty folder")
        try:
            with os.scandir(path) as entries:
                empty = next(entries, None) is None
        except FileNotFoundError:  # another render moved it aside a moment ago: nothing to protect
            empty = True
        except OSError as err:
            raise OutputError(path, _reason(err)) from None
        # not owned, and still there (a folder moved aside between two looks is not a user's folder)
        if not empty and not _owned(path) and os.path.lexists(path):
            raise OutputError(
                path,
                f"folder is not empty and was not made by this suite (no {OUTPUT_MARKER}); "
                "give a new or empty folder, or remove this one yourself",
            )
    _check_parent(path)
    return path


def _aside(path: Path) -> Path | None:
    """Move the old output folder out of the way under a unique hidden name; return that name.

    None when there is nothing to move (absent, or another process moved it a moment ago).
    """
    if not os.path.lexists(path):
        return None
    holder = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
    try:
        os.replace(path, holder / "old")
    except FileNotFoundError:
        shutil.rmtree(holder, ignore_errors=True)
        return None
    return holder


@contextmanager
def replace_dir_atomic(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Iterator[Path]:
    """Build a folder in a temporary sibling and swap it in for ``path`` only on success.

    ``path`` must pass :func:`check_output_dir` (checked before and again at the swap). The new folder
    carries :data:`OUTPUT_MARKER`, so the next run may replace it. Two processes finishing at the same
    instant both succeed (the later one wins) and leave nothing behind.

    >>> with replace_dir_atomic("site") as tmp:  # doctest: +SKIP
    ...     (tmp / "index.html").write_text("…")
    """
    inputs = list(inputs)
    path = check_output_dir(path, inputs=inputs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700; the site is shared like any folder
        (tmp / OUTPUT_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    except OSError as err:
        raise OutputError(path, f"cannot write: {_reason(err)}") from None
    try:
        yield tmp
        for _attempt in range(10):
            try:  # the folder may have changed while we worked; another render's swap is transient
                check_output_dir(path, inputs=inputs)
            except OutputError:
                if _attempt == 9:
                    raise
                time.sleep(0.05)
                continue
            holder = _aside(path)
            try:
                os.replace(tmp, path)
            except OSError as err:
                if holder is not None:  # put the old one back if nothing took its place
                    with suppress(OSError):
                        os.replace(holder / "old", path)
                    shutil.rmtree(holder, ignore_errors=True)
                if err.errno in (errno.EEXIST, errno.ENOTEMPTY):  # another render swapped in first
                    continue
                raise OutputError(path, f"cannot write: {_reason(err)}") from None
            if holder is not None:
                shutil.rmtree(holder, ignore_errors=True)
            return
        raise OutputError(path, "another process keeps replacing this folder; try again")
    except OSError as err:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(err, OutputError):
            raise
        raise OutputError(path, f"cannot write: {_reason(err)}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
