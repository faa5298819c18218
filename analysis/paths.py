"""Every project path, built once from the project root.

In a source checkout (or an editable install) the project root is the folder above the package.
When the package is installed from a wheel, that folder is ``site-packages``; the project root is
then the first of the working folder and its parents that holds ``corpus/`` and ``notebooks/``
(a clone the notebooks were opened from), else the working folder itself.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _is_project(folder: Path) -> bool:
    return (folder / "corpus").is_dir() and (folder / "notebooks").is_dir()


def find_project_root(start: Path | None = None) -> Path:
    """The project folder: the package's parent in a checkout, else ``start`` (the working
    folder) or the nearest parent of it holding ``corpus/`` and ``notebooks/``."""
    if _is_project(PACKAGE_DIR.parent):
        return PACKAGE_DIR.parent
    here = (start or Path.cwd()).resolve()
    return next((folder for folder in (here, *here.parents) if _is_project(folder)), here)


PROJECT_ROOT = find_project_root()
CORPUS_DIR = PROJECT_ROOT / "corpus"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
SITE_DIR = PROJECT_ROOT / "site"
LEXICON_DIR = PACKAGE_DIR / "lexicons"
MODELS_DIR = PACKAGE_DIR / "models"
#: The event folder the notebooks open by default: the seed articles.
DEFAULT_EVENT = CORPUS_DIR / "2025-06-spiderweb-istanbul"


def is_seed_event(event: object) -> bool:
    """Whether ``event`` (a folder or file path, as a notebook's ``EVENT``) is the seed event's
    folder: what a notebook's examples written for the seed articles may be added to."""
    return isinstance(event, (str, Path)) and Path(event).resolve() == DEFAULT_EVENT.resolve()
