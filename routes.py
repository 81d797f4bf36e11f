"""The app's pages and URL paths, in one place: the router builds its navigation from this,
and the quiz validator checks bank links against it. No Streamlit here."""

from typing import NamedTuple


class Route(NamedTuple):
    path: str  # URL path, as in a deep link
    script: str  # page script, relative to the project root
    nav_key: str  # UI-catalogue key of the page title
    icon: str  # Material icon: headless Chromium and many Linux desktops lack an emoji font


ROUTES = (
    Route("/", "views/home.py", "nav.home", ":material/home:"),
    Route("/explorer", "views/explorer.py", "nav.explorer", ":material/show_chart:"),
    Route("/compare", "views/compare.py", "nav.compare", ":material/compare:"),
    Route("/softmax", "views/softmax.py", "nav.softmax", ":material/bar_chart:"),
    Route("/gradients", "views/gradients.py", "nav.gradients", ":material/waterfall_chart:"),
    Route("/regularization", "views/regularization.py", "nav.regularization", ":material/tune:"),
    Route("/quiz", "views/quiz.py", "nav.quiz", ":material/quiz:"),
)
PATHS = frozenset(r.path for r in ROUTES)
