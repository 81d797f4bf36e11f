"""A check any page test can call: every control's label is text a screen reader can speak.

The label becomes the control's aria-label, so LaTeX in it (``$\\alpha$ — 負の領域の傾き``)
is read out as dollar, backslash, a-l-p-h-a. Use the letter itself (α) instead.
"""

from __future__ import annotations

CONTROLS = ("button", "checkbox", "color_picker", "date_input", "multiselect", "number_input",
            "radio", "select_slider", "selectbox", "slider", "text_area", "text_input",
            "time_input", "toggle", "tabs", "expander")


def unspeakable_labels(at) -> list[str]:
    """``kind key: label`` of every control (and tab, expander) whose label holds $ or \\."""
    found = []
    for kind in CONTROLS:
        for element in getattr(at, kind, ()):
            label = getattr(element, "label", "") or ""
            if "$" in label or "\\" in label:
                found.append(f"{kind} {getattr(element, 'key', None)}: {label}")
    return found
