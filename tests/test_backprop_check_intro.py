"""The gradient check's intro names the network it checks as the example picker names it: on
the default example (りんご) the graph above it is not the two-layer network."""

import pytest

from ui.strings import CATALOGUE


@pytest.mark.parametrize("lang", [0, 1])
def test_the_check_intro_names_the_two_layer_example_not_the_graph_above(lang):
    intro = CATALOGUE["backprop.check_intro"][lang]
    assert CATALOGUE["backprop.example.net"][lang] in intro
    assert "上の" not in intro and "above" not in intro
