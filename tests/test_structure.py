"""The house has no import circles: module-level imports between the package's modules form no cycle."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import analysis

PACKAGE = Path(analysis.__file__).resolve().parent


def _module_graph() -> dict[str, set[str]]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("analysis", *path.relative_to(PACKAGE).with_suffix("").parts)
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        deps = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # module level only
            mods = ([node.module] if isinstance(node, ast.ImportFrom) and node.module
                    else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for mod in mods:
                while mod not in names and "." in mod:
                    mod = mod.rsplit(".", 1)[0]
                # importing analysis.inputs.language first runs analysis/inputs/__init__.py
                parents = [mod.rsplit(".", k)[0] for k in range(1, mod.count("."))]
                for dep in (mod, *parents):
                    if dep in names and dep != name and not name.startswith(dep + "."):
                        deps.add(dep)
        graph[name] = deps
    return graph


def test_no_import_circles():
    graph = _module_graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                raise AssertionError("import circle: " + " -> ".join([*stack[stack.index(dep):], dep]))
            if dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_public_api_is_short_and_every_name_resolves():
    """``from analysis import …`` offers a short list (TextBlob's style); the rest lives in its module."""
    public = [name for name in analysis.__all__ if name != "__version__"]
    assert 15 <= len(public) <= 20, len(public)
    assert len(set(public)) == len(public)
    for name in public:
        value = getattr(analysis, name)
        assert value.__doc__, f"analysis.{name} has no docstring"
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    if "analysis.__all__" in readme:  # a user's copy without the README still passes
        listed = readme.split("analysis.__all__", 1)[1].split("Everything else", 1)[0]
        assert {name for name in public if f"`{name}`" not in listed} == set()


# In-function imports of the package's own modules, each with its reason. Everything else imports
# its siblings at module level, so the import graph above is the whole truth.
ALLOWED_IN_FUNCTION_IMPORTS = {
    ("cli.py", "analysis.render"): "nbconvert and a Jupyter client, loaded after the arguments are parsed",
    ("report.py", "analysis.plots.corpus"): "matplotlib, loaded where a figure is drawn (never for --json)",
    ("report_sections.py", "analysis.plots"): "matplotlib, loaded where a figure is drawn (never for --json)",
}


def _in_function_imports() -> list[tuple[str, str, int]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                mods = ([node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                        else ["analysis.<relative>"] if isinstance(node, ast.ImportFrom)
                        else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
                for mod in mods:
                    if mod == "analysis" or mod.startswith("analysis."):
                        found.append((path.relative_to(PACKAGE).as_posix(), mod, node.lineno))
    return sorted(set(found))


def test_no_new_sibling_imports_inside_functions():
    """A sibling module is imported at the top of the file; inside a function only where the
    allow-list says why (a circle, or a heavy dependency loaded for one command)."""
    found = _in_function_imports()
    stray = [f"{file}:{line} imports {mod}" for file, mod, line in found
             if (file, mod) not in ALLOWED_IN_FUNCTION_IMPORTS]
    assert stray == [], "import these at module level (or add to the allow-list with a reason): " + "; ".join(stray)
    used = {(file, mod) for file, mod, _ in found}
    assert set(ALLOWED_IN_FUNCTION_IMPORTS) <= used, "allow-list entries no longer needed: remove them"


def test_streamed_loaders_live_under_inputs_and_keep_their_public_path():
    """``analysis.loaders`` (the public path) gives the very objects of ``analysis.inputs.loaders``,
    and the input layer imports it at module level: ``read_inputs`` reads tables through the
    loaders, which read each file with ``analysis.inputs.files.read_article`` (no circle)."""
    import analysis.inputs
    import analysis.loaders as public
    from analysis.inputs import files, loaders

    assert set(public.__all__) == set(loaders.__all__)
    for name in public.__all__:
        assert getattr(public, name) is getattr(loaders, name), name
    assert analysis.inputs.read_article is files.read_article
    assert loaders.read_article is files.read_article
    graph = _module_graph()
    assert "analysis.inputs.loaders" in graph["analysis.inputs"]
    assert "analysis.inputs" not in graph["analysis.inputs.loaders"]
    assert "analysis.inputs" not in graph["analysis.inputs.files"]


def test_one_reader_for_each_word_list_one_stemmer():
    """One stop list (``analysis.text.stop_words``), the model's function words read in one place
    (``analysis.wording.lexicons``), one stemmer (``analysis.text.stem``): no module reads those
    files itself or defines a stemmer of its own."""
    readers = {"stopwords": "text.py", "sentence_rules": "text.py", "english_markers": "text.py",
               "function_words": "wording/lexicons.py"}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE).as_posix()
        for lexicon, reader in readers.items():
            if f'load_lexicon("{lexicon}")' in source or f"load_lexicon('{lexicon}')" in source:
                assert name == reader, f"{name} reads {lexicon}.csv itself; use the reader in {reader}"
        stemmers = [node.name for node in ast.walk(ast.parse(source))
                    if isinstance(node, ast.FunctionDef) and re.search(r"(?:^|_)stem", node.name)]
        assert name == "text.py" or stemmers == [], f"{name} defines {stemmers}: use analysis.text.stem"


#: The lenses: each reads the articles' annotations (``analysis.annotate``); none imports another,
#: so a view that needs two lenses lives where they meet (``analysis.compare``).
LENSES = ("analysis.tone", "analysis.wording", "analysis.emphasis")


def _lens(module: str) -> str | None:
    return next((lens for lens in LENSES if module == lens or module.startswith(lens + ".")), None)


def _all_imports(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_lenses_do_not_import_one_another():
    crossings = []
    for path in PACKAGE.rglob("*.py"):
        parts = ("analysis", *path.relative_to(PACKAGE).with_suffix("").parts)
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        own = _lens(module)
        if own is None:
            continue
        for imported in _all_imports(path):
            other = _lens(imported)
            if other is not None and other != own:
                crossings.append(f"{module} imports {imported}")
    assert not crossings, crossings
    assert _lens("analysis.wording.scan") == "analysis.wording" and _lens("analysis.tonewords") is None


def test_the_lens_check_sees_a_crossing(tmp_path):
    crafted = tmp_path / "tone.py"
    crafted.write_text("def f():\n    from analysis.wording import loaded_language\n", encoding="utf-8")
    assert _lens(sorted(m for m in _all_imports(crafted) if _lens(m))[0]) == "analysis.wording"


#: The house's limit on a module's length (issue 13): a module longer than this holds more than
#: one job; split it by job (as ``analysis/voice/`` and ``annotate``, ``records``, ``pool`` were).
MAX_MODULE_LINES = 700


def test_no_module_is_longer_than_the_house_limit():
    long = {path.relative_to(PACKAGE).as_posix(): n for path in sorted(PACKAGE.rglob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}, f"split these by job (at most {MAX_MODULE_LINES} lines a module): {long}"
