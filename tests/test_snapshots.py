"""Snapshot cache: location, atomic dated files, newest-good lookup, pruning."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from loaders import snapshots
from loaders.snapshots import (
    SnapshotPage,
    age_text,
    cache_dir,
    list_snapshots,
    newest_good,
    prune_snapshots,
    read_snapshot,
    write_snapshot,
)

OP = "getBusinessInformation01"
T0 = datetime(2026, 5, 1, 0, 30, tzinfo=UTC)
# SYNTHETIC TEST DATA
PAGES = [
    SnapshotPage(
        1, ({"supt_biz_titl_nm": "테스트 사업", "biz_yr": 2026},), "2026-05-01T00:30:00+00:00"
    )
]


def write(root: Path, when: datetime = T0, *, complete: bool = True, good: bool | None = None):
    return write_snapshot(
        OP,
        PAGES,
        fetched_at=when,
        complete=complete,
        good=complete if good is None else good,
        total_count=1 if complete else 5,
        root=root,
    )


def test_cache_dir_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NAVIGATOR_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    assert not (tmp_path / "c").exists()
    assert cache_dir(create=True).is_dir()


def test_default_cache_dir_is_a_user_dir_outside_the_package(monkeypatch, tmp_path):
    monkeypatch.delenv("NAVIGATOR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    assert cache_dir() == tmp_path / "xdg" / "startup-navigator"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    root = cache_dir()
    assert root == tmp_path / "home" / ".cache" / "startup-navigator"
    package = Path(snapshots.__file__).resolve().parent
    assert not root.resolve().is_relative_to(package)


def test_roundtrip_keeps_raw_items_and_metadata(tmp_path):
    info = write(tmp_path)
    assert info.path.name == "20260501T003000000000Z.json"
    read_info, pages, meta = read_snapshot(info.path)
    assert read_info.fetched_at == T0 and read_info.complete and read_info.good
    assert pages == PAGES and meta == {}
    assert not list(info.path.parent.glob(".tmp-*"))  # atomic write leaves no temp file


def test_partial_snapshots_are_kept_but_not_chosen_unless_accepted(tmp_path):
    good = write(tmp_path, T0)
    partial = write(tmp_path, T0 + timedelta(days=1), complete=False)
    assert partial.path.name.endswith("-partial.json") and partial.status == "partial"
    assert newest_good(OP, tmp_path) == good
    accepted = write(tmp_path, T0 + timedelta(days=2), complete=False, good=True)
    assert newest_good(OP, tmp_path) == accepted
    assert accepted.status == "partial (accepted)"
    assert "일부만 받음: 5건 중 1건" in accepted.describe()
    assert [s.path for s in list_snapshots(OP, tmp_path)] == [
        accepted.path,
        partial.path,
        good.path,
    ]


def test_unreadable_files_are_skipped_and_reported(tmp_path):
    good = write(tmp_path)
    (good.path.parent / "zzz.json").write_text("{ nope", encoding="utf-8")
    (good.path.parent / "other.json").write_text(json.dumps({"format": 99}), encoding="utf-8")
    problems: list[str] = []
    assert newest_good(OP, tmp_path, problems=problems) == good
    assert len(problems) == 2 and "zzz.json" in " ".join(problems)


def test_no_snapshot_dir_means_none(tmp_path):
    assert list_snapshots(OP, tmp_path) == [] and newest_good(OP, tmp_path) is None


def test_prune_keeps_the_newest_good_snapshots(tmp_path):
    infos = [write(tmp_path, T0 + timedelta(hours=i)) for i in range(5)]
    old_partial = write(tmp_path, T0 - timedelta(hours=1), complete=False)
    removed = prune_snapshots(OP, tmp_path, keep=2)
    assert set(removed) == {i.path for i in infos[:3]} | {old_partial.path}
    assert [s.path for s in list_snapshots(OP, tmp_path)] == [infos[4].path, infos[3].path]


def test_text_that_looks_like_a_key_parameter_is_never_written(tmp_path):
    with pytest.raises(ValueError, match="serviceKey"):
        write_snapshot(
            OP,
            PAGES,
            fetched_at=T0,
            complete=True,
            good=True,
            total_count=1,
            failures=["GET /x?serviceKey=abc123&page=1"],
            root=tmp_path,
        )
    assert not list(tmp_path.rglob("*.json"))


@pytest.mark.parametrize(
    ("fetched", "now", "text"),
    [
        (T0, T0 + timedelta(hours=1), "오늘"),
        # 2026-05-01 23:50 KST → 2026-05-02 00:10 KST: a calendar day later in Korea.
        (
            datetime(2026, 5, 1, 14, 50, tzinfo=UTC),
            datetime(2026, 5, 1, 15, 10, tzinfo=UTC),
            "1일 전",
        ),
        (T0, T0 + timedelta(days=3), "3일 전"),
    ],
)
def test_age_text_counts_korean_calendar_days(fetched, now, text):
    assert age_text(fetched, now) == text
