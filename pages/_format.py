"""How every page writes amounts, verdicts and program text (one spelling app-wide)."""

from __future__ import annotations

import re

from loaders.vocab import STATUS_LABELS, STATUS_MARKS

__all__ = ["NO_PROFILE", "STATUS_BADGES", "bar_spec", "eok", "md_escape"]

# "○ 신청 가능", "△ 확인 필요", "× 해당 없음".
STATUS_BADGES: dict[str, str] = {
    k: f"{STATUS_MARKS[k]} {label}" for k, label in STATUS_LABELS.items()
}


# What every page shows instead of a verdict when no profile was given (no ○/× without one).
NO_PROFILE = "프로필을 입력하면 판정"


def eok(value: float | None) -> str:
    """ "1,234.5억원" (or "미상") — every budget on every page is shown in 억원."""
    if value is None:
        return "미상"
    return f"{value:,.1f}억원" if value % 1 else f"{value:,.0f}억원"


# Markdown (and Streamlit's $…$ LaTeX) would reinterpret these anywhere in program text…
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|<>~$])")
# …and these only at the start of a line ("- 사업화 자금" would become a list item).
_MD_LEADING = re.compile(r"^(\s*)([-+]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """Program text shown literally inside st.markdown."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text or "")
    return _MD_LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def bar_spec(category: str, measure: str, *, height: int) -> dict:
    """A horizontal bar chart as a plain Vega-Lite spec, largest bar first, for
    ``st.vega_lite_chart(frame, bar_spec(...))``.

    ``st.bar_chart`` builds an Altair chart and validates it against the Vega-Lite JSON schema
    on every run (≈30 ms a chart on this machine); the spec is a constant, so the overview's
    four charts cost nothing per rerun but the data.
    """
    return {
        "mark": {"type": "bar", "tooltip": True},
        "height": height,
        "encoding": {
            "y": {"field": category, "type": "nominal", "sort": "-x", "title": None},
            "x": {"field": measure, "type": "quantitative", "title": measure},
        },
    }
