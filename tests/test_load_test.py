"""benchmarks/load_test.py stays bounded and on this machine (the run itself is not a test)."""

from __future__ import annotations

import random

import pytest

from benchmarks import load_test


@pytest.mark.parametrize(
    "url", ["http://10.0.0.5:8501", "http://example.com:8501", "http://127.0.0.1"]
)
def test_only_a_loopback_server_with_a_port_is_driven(url):
    with pytest.raises(SystemExit, match="loopback"), load_test._server(url):
        pass


@pytest.mark.parametrize(
    ("sessions", "rounds"), [(0, 1), (load_test.MAX_SESSIONS + 1, 1), (1, 0), (1, 11)]
)
def test_sessions_and_rounds_are_bounded(sessions, rounds):
    with pytest.raises(SystemExit):
        load_test.run(sessions=sessions, rounds=rounds)


def test_profiles_are_what_the_sidebar_accepts():
    from graph.profile import profile_from_dict

    rng = random.Random(1)
    for _ in range(50):
        query = load_test.profile_query(rng)
        firm = query["firm"]
        profile = profile_from_dict(
            {
                "pre_founding": firm == "예비창업자",
                "founded": query.get("founded"),
                "ceo_age": query["age"],
                "region": query["region"],
                "fields": [query["field"]] if "field" in query else [],
            }
        )
        assert profile.region == query["region"]


def test_summary_percentiles():
    report = load_test.Report(sessions=1, rounds=1, think_s=0)
    report.reruns = [
        load_test.Rerun(0, 0, "finder", s / 10, 1.0, "FINISHED_SUCCESSFULLY") for s in range(1, 21)
    ]
    figures = load_test.summarise(report)
    rerun = figures["rerun"]
    assert figures["reruns"] == 20 and rerun["p50_s"] == pytest.approx(1.05)
    assert rerun["p95_s"] <= rerun["max_s"] == pytest.approx(2.0)


def test_first_visits_and_reruns_are_reported_apart_and_the_target_is_on_reruns():
    ok = "FINISHED_SUCCESSFULLY"
    report = load_test.Report(sessions=2, rounds=1, think_s=0)
    report.reruns = [
        load_test.Rerun(i, 0, load_test.FIRST_VISIT, 3.0, 100.0, ok) for i in range(2)
    ] + [load_test.Rerun(i, 0, "map", 0.2, 800.0, ok) for i in range(2)]
    report.costs = [
        load_test.Rerun(0, 0, load_test.FIRST_VISIT, 0.5, 100.0, ok, cpu_s=0.30),
        load_test.Rerun(0, 0, "map", 0.1, 800.0, ok, cpu_s=0.02),
    ]
    report.machine = {"cpus": 2, "load_average_at_start": [1.0], "date": "d", "commit": "c"}
    figures = load_test.summarise(report)
    assert figures["first_visit"]["count"] == 2 and figures["first_visit"]["p95_s"] == 3.0
    assert figures["rerun"]["count"] == 2 and figures["rerun"]["p95_s"] == 0.2
    assert figures["first_visit"]["cpu_s_alone"] == 0.30
    assert figures["rerun"]["cpu_s_alone"] == 0.02
    assert figures["targets"]["rerun_p95_below_1s"]
    text = load_test.render(figures)
    assert "| **first visits** (session start) | 2 | 3.00 s |" in text
    assert "rerun p95 < 1 s met" in text
