"""Open every page of a rendered site in headless Chromium with the network off, as a reader would.

Used by ``tests/test_browser.py`` and runnable by hand:
``python tests/browser_check.py site/`` prints one line per problem found.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
NO_ALT = "No description has been provided"


def find_chromium() -> str | None:
    """The system's Chromium (Debian's package), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _keep_local(left: list[str]):
    """A route handler that lets file/data URLs through and aborts (and records) the rest."""

    def route(r) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "about:", "blob:")):
            r.continue_()
            return
        left.append(url)
        r.abort()

    return route


def check_site(site: Path, *, executable: str, screenshots: Path | None = None) -> list[str]:
    """Every problem a reader would meet on the site's pages, one line each (empty: none)."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    pages = sorted(site.glob("*.html"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for size_name, size in (("390px", PHONE), ("1280px", DESKTOP)):
            context = browser.new_context(viewport=size, offline=True)
            for path in pages:
                page = context.new_page()
                left: list[str] = []
                errors: list[str] = []

                page.route("**/*", _keep_local(left))
                page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                page.goto(path.resolve().as_uri(), wait_until="load")
                page.wait_for_timeout(100)
                name = f"{path.name} at {size_name}"
                problems += [f"{name}: request to {u}" for u in left]
                problems += [f"{name}: console error: {e[:160]}" for e in errors]
                if size is PHONE:
                    overflow = page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
                    )
                    if overflow > 1:
                        culprit = page.evaluate(
                            """() => { const w = document.documentElement.clientWidth;
                            const els = [...document.querySelectorAll('body *')].filter(e => {
                              const r = e.getBoundingClientRect(); return r.right > w + 1 && r.width > 0; });
                            const e = els[els.length - 1];
                            return e ? e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) : ''; }"""
                        )
                        problems.append(f"{name}: scrolls sideways by {overflow} px ({culprit})")
                    title = page.title().strip()
                    if len(title) < 8 or title.lower() in {"notebook", "untitled"}:
                        problems.append(f"{path.name}: no real title ({title!r})")
                    for alt in page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('alt'))"):
                        if not alt or len(alt.strip()) < 12 or NO_ALT in alt:
                            problems.append(f"{path.name}: figure without a description ({alt!r})")
                    if "lesson-student" in path.name:
                        text = page.inner_text("body")
                        for tell in ("Show answer", "Answer", "Rubric", "(teacher)", "What this shows"):
                            if tell in text:
                                problems.append(f"{path.name}: student edition shows {tell!r}")
                        if page.query_selector_all(".answer, .teacher-note, details, pre code"):
                            problems.append(f"{path.name}: student edition holds answers, notes or code")
                else:  # on a desktop every table is laid out as a table (a phone may show rows as cards)
                    broken = page.eval_on_selector_all(
                        "table", "els => els.filter(e => getComputedStyle(e).display !== 'table').length")
                    if broken:
                        problems.append(f"{name}: {broken} table(s) not laid out as tables")
                if screenshots is not None and path.stem in {"report", "lesson-student", "lesson-teacher"}:
                    page.screenshot(path=str(screenshots / f"{path.stem}-{size_name}.png"))
                page.close()
            context.close()
        browser.close()
    return problems


if __name__ == "__main__":
    chromium = find_chromium()
    if chromium is None:
        sys.exit("no Chromium found (Debian: apt-get install chromium)")
    found = check_site(Path(sys.argv[1]), executable=chromium,
                       screenshots=Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    print("\n".join(found) or "no problems")
    sys.exit(1 if found else 0)
