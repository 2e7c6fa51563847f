"""The roadmap timeline's Vega-Lite spec: one Altair template per process, filled per roadmap.

The spec used to be built with Altair from a DataFrame on every new roadmap (about 37 ms of
schema validation per new profile). The reference below is that construction; the shared
template filled with the rows must give the same chart (inline datasets carry hashed names in
Altair's output, so names are compared by position).
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from graph.path import DEFAULT_HORIZON_YEARS
from graph.profile import add_years
from pages._caches import timeline_spec
from pages._format import STATUS_BADGES

ROWS = (
    ("① 예비창업패키지", "예비", "2026-01-01", "2027-01-01", "eligible", "창업진흥원"),
    ("② 초기창업패키지", "초기", "2026-03-01", "", "maybe", ""),
    ('③ 창업도약패키지 "글로벌"', "도약", "2028-06-30", "2030-02-28", "maybe", "기관 <b>"),
)


def altair_reference(rows: tuple[tuple[str, ...], ...], day: str) -> dict:
    """The former construction: Altair on a DataFrame of the steps, validated per call."""
    import altair as alt

    as_of_day = date.fromisoformat(day)
    horizon = add_years(as_of_day, DEFAULT_HORIZON_YEARS)
    frame = pd.DataFrame(
        [
            {
                "순서": label,
                "단계": phase,
                "시작": pd.Timestamp(start),
                "종료": pd.Timestamp(until or horizon),
                "기간": f"{start} ~ " + (until or "기한 없음"),
                "자격": STATUS_BADGES.get(status, status),
                "기관": institution,
            }
            for label, phase, start, until, status, institution in rows
        ]
    )
    colours = alt.Scale(
        domain=[STATUS_BADGES["eligible"], STATUS_BADGES["maybe"]], range=["#2E7D32", "#F9A825"]
    )
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "순서:N",
            sort=list(frame["순서"]),
            title=None,
            axis=alt.Axis(labelFontSize=12, labelLimit=260, labelOverlap=False),
        )
    )
    bars = base.mark_bar(cornerRadius=3, opacity=0.85, height=16).encode(
        x=alt.X("시작:T", title="신청 가능 시기", axis=alt.Axis(format="%Y-%m")),
        x2="종료:T",
        color=alt.Color("자격:N", scale=colours, legend=alt.Legend(title=None, orient="top")),
        tooltip=["순서", "단계", "기관", "기간", "자격"],
    )
    today = (
        alt.Chart(pd.DataFrame({"x": [pd.Timestamp(as_of_day)]}))
        .mark_rule(color="#555", strokeDash=[4, 4])
        .encode(x="x:T")
    )
    return (bars + today).properties(height=alt.Step(30)).to_dict()


def by_position(spec: dict) -> dict:
    """The spec with each layer's dataset named by the layer's position."""
    spec = json.loads(json.dumps(spec))
    names = {}
    for i, layer in enumerate(spec["layer"]):
        names[layer["data"]["name"]] = f"layer{i}"
        layer["data"]["name"] = f"layer{i}"
    spec["datasets"] = {names[k]: v for k, v in spec["datasets"].items()}
    return spec


@pytest.mark.parametrize("rows", [ROWS, ROWS[:1], ROWS[1:]])
def test_filled_template_is_the_chart_altair_builds_for_the_steps(rows):
    assert by_position(timeline_spec(rows, "2026-11-30")) == by_position(
        altair_reference(rows, "2026-11-30")
    )


def test_one_roadmap_does_not_leak_into_the_next():
    first = timeline_spec(ROWS, "2026-11-30")
    first["layer"][0]["encoding"]["y"]["sort"].append("changed by a caller")
    second = timeline_spec(ROWS[:1], "2026-12-01")
    assert second["layer"][0]["encoding"]["y"]["sort"] == [ROWS[0][0]]
    assert second["datasets"]["day"] == [{"x": "2026-12-01T00:00:00"}]
