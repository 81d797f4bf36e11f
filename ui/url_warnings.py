"""A bad URL value's warning in the words the page shows: a parameter by its symbol or its
control's label, a function or a choice by its name, never the URL's internal id."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from activations import REGISTRY
from ui.i18n import pick, t
from viewstate.query import Problem


def fn_names() -> dict[str, str]:
    """Every registered function's shown name, by its URL id."""
    return {name: pick(spec.name_ja, spec.name_en) for name, spec in REGISTRY.items()}


def shown_fields(problem: Problem, labels: Mapping[str, str],
                 choices: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """``problem``'s fields for its message: ``labels`` names a field (``alpha`` -> α), and
    ``choices[field]`` names its values; a problem without a field is about the function."""
    fields = dict(problem.fields)
    field = fields.get("field", "fn")
    named = choices.get(field, {})
    for k in ("value", "default"):
        if k in fields:
            fields[k] = named.get(fields[k], fields[k])
    if "field" in fields:
        fields["field"] = labels.get(field, field)
    return fields


def warn(prefix: str, problems: list[Problem], labels: Mapping[str, str],
         choices: Mapping[str, Mapping[str, str]]) -> None:
    for p in problems:
        st.warning(t(f"{prefix}.{p.code}", **shown_fields(p, labels, choices)), icon="⚠️")


def explorer_warn(problems: list[Problem]) -> None:
    labels = {"xmin": t("explorer.field.xmin"), "xmax": t("explorer.field.xmax"),
              "x0": t("explorer.probe"), "show": t("explorer.field.show")}
    choices = {"fn": fn_names(), "show": {"h,grad": t("explorer.field.show_both")}}
    for spec in REGISTRY.values():
        for p in spec.params:
            if p.kind == "bool":  # GELU's formula switch, by its radio's label and choices
                labels[p.name] = t("explorer.gelu.label")
                choices[p.name] = {"tanh": t("explorer.gelu.tanh"), "none": t("explorer.gelu.exact")}
            else:
                labels[p.name] = p.symbol
    warn("explorer.warn", problems, labels, choices)


def compare_warn(problems: list[Problem], default_names: str) -> None:
    """``default_names``: the default functions' names, for the no-function warning."""
    labels = {"xmin": t("explorer.field.xmin"), "xmax": t("explorer.field.xmax"),
              "which": t("compare.which")}
    choices = {"fn": fn_names(), "which": {"h": t("compare.which_h"), "grad": t("compare.which_grad")}}
    for p in problems:
        fields = shown_fields(p, labels, choices)
        if p.code == "no_fn":
            fields["names"] = default_names
        st.warning(t(f"compare.warn.{p.code}", **fields), icon="⚠️")
