"""The app's pages and URL paths, in one place: the router builds its navigation from this,
and the quiz validator checks bank links against it. No Streamlit here."""

from typing import NamedTuple
from urllib.parse import urlsplit


class Route(NamedTuple):
    path: str  # URL path, as in a deep link
    script: str  # page script, relative to the project root
    nav_key: str  # UI-catalogue key of the page title
    icon: str  # Material icon: headless Chromium and many Linux desktops lack an emoji font
    section: str = ""  # a key of SECTIONS: where the navigation and the home page list it


# The unit's parts, in the navigation's order; "" (home) stands above them with no heading.
# Each is named by the UI string ``nav.section.<key>``.
SECTIONS = ("", "activations", "loss", "optimization", "practice")

ROUTES = (
    Route("/", "views/home.py", "nav.home", ":material/home:"),
    Route("/explorer", "views/explorer.py", "nav.explorer", ":material/show_chart:", "activations"),
    Route("/compare", "views/compare.py", "nav.compare", ":material/compare:", "activations"),
    Route("/softmax", "views/softmax.py", "nav.softmax", ":material/bar_chart:", "activations"),
    Route("/gradients", "views/gradients.py", "nav.gradients", ":material/waterfall_chart:",
          "activations"),
    Route("/loss", "views/loss.py", "nav.loss", ":material/trending_down:", "loss"),
    Route("/backprop", "views/backprop.py", "nav.backprop", ":material/account_tree:", "loss"),
    Route("/optimizers", "views/optimizers.py", "nav.optimizers", ":material/route:",
          "optimization"),
    Route("/regularization", "views/regularization.py", "nav.regularization",
          ":material/tune:", "optimization"),
    Route("/quiz", "views/quiz.py", "nav.quiz", ":material/quiz:", "practice"),
)
PATHS = frozenset(r.path for r in ROUTES)


def by_section() -> dict[str, list[Route]]:
    """The routes of each section that has any, in SECTIONS order."""
    return {key: [r for r in ROUTES if r.section == key] for key in SECTIONS
            if any(r.section == key for r in ROUTES)}


def unknown_page(url: str | None, base_url_path: str = "") -> str | None:
    """The page name a browser URL asks for when no route has it, else None: the router
    then shows its own not-found page under that name instead of Streamlit's English dialog.
    A nested path (``/a/b``) is left to Streamlit, which routes by one segment only."""
    if not url:
        return None
    path = urlsplit(url).path.strip("/")
    base = base_url_path.strip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base):].strip("/")
    if not path or "/" in path or "/" + path in PATHS:
        return None
    return path
