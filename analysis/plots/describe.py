"""A figure's text description (alt text) from what the figure itself says.

``describe_figure`` reads the figure's titles, axis labels and legend entries, so every figure of
the suite has a description that says what it plots without anyone writing one by hand. In a
notebook, ``analysis.plots`` attaches it to each figure's PNG output (``alt`` metadata), and the
rendered site and the lesson editions use it as the image's alternative text.
"""

from __future__ import annotations

from matplotlib.figure import Figure

__all__ = ["describe_figure", "register_alt_text"]


def _clean(text: str) -> str:
    return " ".join(str(text).split()).strip()


def describe_figure(fig: Figure) -> str:
    """One or two sentences: the figure's title(s), then each panel's axes and series.

    >>> fig = Figure(); ax = fig.subplots(); _ = ax.set(title="Tone", xlabel="polarity")
    >>> describe_figure(fig)
    'Figure: Tone; horizontal axis: polarity.'
    """
    parts: list[str] = []
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and _clean(suptitle.get_text()):
        parts.append(_clean(suptitle.get_text()))
    panels = [ax for ax in fig.axes if ax.get_visible() and (ax.axison or ax.texts)]
    for ax in panels:
        bits = []
        title = _clean(ax.get_title())
        if title:
            bits.append(title)
        if ax.axison:
            if _clean(ax.get_xlabel()):
                bits.append(f"horizontal axis: {_clean(ax.get_xlabel())}")
            if _clean(ax.get_ylabel()):
                bits.append(f"vertical axis: {_clean(ax.get_ylabel())}")
        else:
            words = "; ".join(_clean(t.get_text()) for t in ax.texts if _clean(t.get_text()))
            if words:
                bits.append(words)
        legend = ax.get_legend()
        if legend is not None:
            entries = [_clean(t.get_text()) for t in legend.get_texts() if _clean(t.get_text())]
            if entries:
                bits.append("series: " + ", ".join(entries))
        if bits:
            parts.append("; ".join(bits))
    if not parts:
        return "Figure without a title or labelled axes."
    text = ". ".join(p[0].upper() + p[1:] for p in parts)
    return f"Figure: {text}."


def register_alt_text() -> bool:
    """In IPython, attach ``describe_figure`` as ``alt`` metadata to every Figure's PNG output.

    Returns whether a shell was found. Outside IPython it does nothing.
    """
    try:
        from IPython import get_ipython  # only inside Jupyter
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        return False
    shell = get_ipython()
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["image/png"]
    try:
        draw = formatter.lookup_by_type(Figure)
    except KeyError:
        return False
    if getattr(draw, "_adds_alt", False):
        return True
    try:  # twice the pixels, shown at the same size: sharp on phones and when zoomed in
        from matplotlib_inline.backend_inline import set_matplotlib_formats  # only inside Jupyter

        set_matplotlib_formats("retina")
        draw = formatter.lookup_by_type(Figure)
    except Exception:  # noqa: BLE001 - another backend: keep its formatter
        pass

    def png_with_alt(fig: Figure):
        data = draw(fig)
        if data is None:
            return None
        data, metadata = data if isinstance(data, tuple) else (data, {})
        return data, {**(metadata or {}), "alt": describe_figure(fig)}

    png_with_alt._adds_alt = True  # type: ignore[attr-defined]
    formatter.for_type(Figure, png_with_alt)
    return True
