"""Every control on the explorer, compare, softmax and home pages has a speakable label."""

from __future__ import annotations

import pytest

from activations import REGISTRY
from tests.apptest import open_page
from tests.speakable import unspeakable_labels


def test_the_check_catches_latex_in_a_label():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string('import streamlit as st\nst.slider("$\\\\alpha$ — slope", 0, 1)\n'
                             'st.toggle("plain α")').run()
    assert unspeakable_labels(at) == ["slider None: $\\alpha$ — slope"]


@pytest.mark.parametrize("fn", list(REGISTRY))
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_explorer(fn, lang):
    at = open_page("explorer", query={"fn": fn}, lang=lang)
    assert not at.exception
    assert unspeakable_labels(at) == []


@pytest.mark.parametrize("page", ["home", "compare", "softmax"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_other_pages(page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception
    assert unspeakable_labels(at) == []
