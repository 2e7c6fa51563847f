"""A consultant's clients: a name, a firm profile, the roadmap edits, a memo — saved and loaded.

One client is a JSON object (:func:`client_to_json` / :func:`client_from_json`)::

    {"client": "가나다 주식회사", "profile": {"founded": "2024-03-01", "region": "경기", ...},
     "edits": {"pinned": [...], "removed": [...], "notes": {"<사업 ID>": "메모"}},
     "memo": "2026-03 상담"}

A plain profile object (the ``navigator path --profile`` format) reads as a client without a
name. Many clients are a CSV, one row each (:func:`read_clients_csv`, :func:`clients_to_csv`),
with Korean or English headers (:data:`CSV_COLUMNS`); fields are separated by ";" and so are
pinned and removed program ids. Like the notice loaders, nothing is lost: every row is loaded
as a client, skipped (blank) or rejected with its row, column, value and the reason, and the
counts add up (``ClientsLoad.rows_read``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.path import RoadmapEdits
from graph.profile import FirmProfile, profile_from_dict, profile_to_dict
from graph.sheets import neutralise
from loaders.errors import ProfileError
from loaders.vocab import CEO_AGE_FORM_LABEL, CEO_AGE_LABEL, FOUNDER_GROUPS

__all__ = [
    "CSV_COLUMNS",
    "Client",
    "ClientProblem",
    "ClientsLoad",
    "client_from_dict",
    "client_from_json",
    "client_to_json",
    "clients_to_csv",
    "read_clients_csv",
]


@dataclass(frozen=True)
class Client:
    """One client of a consultant: name, profile, roadmap edits and a free memo."""

    name: str
    profile: FirmProfile
    edits: RoadmapEdits = field(default_factory=RoadmapEdits)
    memo: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape described in the module docstring."""
        out: dict[str, Any] = {"client": self.name, "profile": profile_to_dict(self.profile)}
        if not self.edits.is_empty():
            out["edits"] = self.edits.to_dict()
        if self.memo:
            out["memo"] = self.memo
        return out


def client_from_dict(data: Mapping[str, Any], *, today: Any = None) -> Client:
    """A client from its JSON object, or a plain profile object (a client without a name).

    A bad value raises :class:`~loaders.errors.ProfileError` naming the field.
    """
    if not isinstance(data, Mapping):
        raise ProfileError("고객 파일은 JSON 객체({...})여야 합니다.", field="")
    if "profile" not in data:
        return Client("", profile_from_dict(data, strict=True, today=today))
    unknown = set(data) - {"client", "profile", "edits", "memo"}
    if unknown:
        raise ProfileError(
            f"알 수 없는 항목 '{sorted(unknown)[0]}' — 고객 파일의 항목: client, profile, edits, memo",
            field=sorted(unknown)[0],
        )
    profile = data.get("profile") or {}
    if not isinstance(profile, Mapping):
        raise ProfileError("profile: 프로필 객체({...})여야 합니다.", field="profile")
    return Client(
        " ".join(str(data.get("client") or "").split()),
        profile_from_dict(profile, strict=True, today=today),
        RoadmapEdits.from_dict(data.get("edits")),
        str(data.get("memo") or "").strip(),
    )


def client_to_json(client: Client) -> str:
    """The client as pretty JSON (UTF-8 text, Korean kept readable)."""
    return json.dumps(client.to_dict(), ensure_ascii=False, indent=2) + "\n"


def client_from_json(text: str | bytes, *, name: str = "고객 파일") -> Client:
    """Parse :func:`client_to_json`'s output (or a plain profile JSON); errors name the file."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(
            f"{name}이 올바른 JSON이 아닙니다 ({exc.lineno}행 {exc.colno}열: {exc.msg})"
        ) from None
    return client_from_dict(data)


# ----------------------------------------------------------------------------- CSV

# Column key -> header spellings accepted (the first is what clients_to_csv writes).
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "client": ("고객명", "고객", "client", "name"),
    "pre_founding": ("예비창업자", "pre_founding"),
    "founded": ("설립일", "창업일", "founded"),
    "as_of": ("기준일", "as_of"),
    "ceo_age": (CEO_AGE_LABEL, CEO_AGE_FORM_LABEL, "나이", "ceo_age", "age"),
    "region": ("시·도", "소재지", "시도", "region"),
    "district": ("시·군·구", "시군구", "district"),
    "fields": ("분야", "기술·사업 분야", "기술분야", "fields"),
    **{
        g.profile_field: tuple(dict.fromkeys((g.short, g.topic, g.person, g.profile_field)))
        for g in FOUNDER_GROUPS
    },
    "memo": ("메모", "memo"),
    "pinned": ("고정 사업 ID", "고정", "pinned"),
    "removed": ("제외 사업 ID", "제외", "removed"),
}
_PROFILE_KEYS: tuple[str, ...] = (
    "pre_founding", "founded", "as_of", "ceo_age", "region", "district", "fields",
    *(g.profile_field for g in FOUNDER_GROUPS),
)  # fmt: skip
_LIST_SPLIT = re.compile(r"\s*[;|]\s*")


def _norm_header(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text)).strip().lower()
    return re.sub(r"[\s·ㆍ・.\-_()]", "", text)


_HEADER_KEYS: dict[str, str] = {
    _norm_header(spelling): key for key, spellings in CSV_COLUMNS.items() for spelling in spellings
}


@dataclass(frozen=True, slots=True)
class ClientProblem:
    """A rejected row (or an ignored column): where, which value, and why (Korean)."""

    file: str
    row: int
    column: str
    value: str
    reason: str

    def describe(self) -> str:
        where = f"{self.file} {self.row}행" if self.row else self.file
        col = f" '{self.column}' 열" if self.column else ""
        val = f" 값 '{self.value}'" if self.value else ""
        return f"{where}{col}{val}: {self.reason}"


@dataclass
class ClientsLoad:
    """Clients read from a CSV, with every row accounted for."""

    clients: list[Client]
    problems: list[ClientProblem]
    rows_read: int = 0
    skipped: int = 0
    rows: list[int] = field(default_factory=list)  # the CSV row of each client

    @property
    def rejected(self) -> int:
        return len({p.row for p in self.problems if p.row > 1})  # row 1: the header

    def accounting(self) -> str:
        """ "읽은 행 3 = 불러옴 2 + 건너뜀 0 + 거부 1"."""
        return (
            f"읽은 행 {self.rows_read} = 불러옴 {len(self.clients)} + 건너뜀 {self.skipped} "
            f"+ 거부 {self.rejected}"
        )


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ProfileError(
        "고객 CSV를 읽을 수 없습니다 — UTF-8 또는 CP949(엑셀 한글) 파일이어야 합니다."
    )


def read_clients_csv(data: bytes | str, *, name: str = "clients.csv") -> ClientsLoad:
    """Clients from a CSV (UTF-8, UTF-8 with BOM or CP949), one per row.

    A header that names no known column is reported once and ignored; a row without a client
    name gets "고객 N" (its row number); a blank row is skipped; a row with a bad value is
    rejected with the column and reason (the others still load). A file without a header row
    or a name column raises :class:`~loaders.errors.ProfileError`.
    """
    text = data if isinstance(data, str) else _decode(data)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise ProfileError(f"{name}이 비어 있습니다.") from None
    keys: list[str | None] = [_HEADER_KEYS.get(_norm_header(h)) for h in header]
    problems: list[ClientProblem] = [
        ClientProblem(name, 1, h, "", "알 수 없는 열 — 무시했습니다")
        for h, k in zip(header, keys, strict=True)
        if k is None and h.strip()
    ]
    if not any(k in _PROFILE_KEYS for k in keys):
        raise ProfileError(
            f"{name}의 첫 행에 프로필 열(설립일, 시·도 등)이 없습니다 — 사용할 수 있는 열: "
            + ", ".join(spellings[0] for spellings in CSV_COLUMNS.values())
        )
    out = ClientsLoad([], problems)
    for rownum, cells in enumerate(reader, start=2):
        out.rows_read += 1
        if not any(c.strip() for c in cells):
            out.skipped += 1
            continue
        values: dict[str, str] = {}
        for key, cell, head in zip(keys, cells, header, strict=False):
            if key is not None and cell.strip():
                values[key] = cell.strip()
                values.setdefault(f"_{key}_header", head)
        try:
            client = _client_from_row(values, rownum)
        except ProfileError as exc:
            column = exc.field
            head = values.get(f"_{column}_header", column)
            out.problems.append(ClientProblem(name, rownum, head, values.get(column, ""), str(exc)))
            continue
        out.clients.append(client)
        out.rows.append(rownum)
    return out


def _client_from_row(values: Mapping[str, str], rownum: int) -> Client:
    raw: dict[str, Any] = {k: values[k] for k in _PROFILE_KEYS if k in values}
    if "fields" in raw:
        raw["fields"] = [f for f in _LIST_SPLIT.split(raw["fields"]) if f]
    profile = profile_from_dict(raw)
    edits = RoadmapEdits(
        pinned=tuple(dict.fromkeys(x for x in _LIST_SPLIT.split(values.get("pinned", "")) if x)),
        removed=tuple(dict.fromkeys(x for x in _LIST_SPLIT.split(values.get("removed", "")) if x)),
    )
    name = " ".join(values.get("client", "").split()) or f"고객 {rownum - 1}"
    return Client(name, profile, edits, values.get("memo", ""))


def clients_to_csv(clients: Iterable[Client]) -> bytes:
    """The clients as a CSV :func:`read_clients_csv` reads back (UTF-8 with BOM)."""
    keys = list(CSV_COLUMNS)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([CSV_COLUMNS[k][0] for k in keys])
    for c in clients:
        prof = profile_to_dict(c.profile)
        row: list[str] = []
        for key in keys:
            if key == "client":
                value: Any = c.name
            elif key == "memo":
                value = c.memo
            elif key == "pinned":
                value = "; ".join(c.edits.pinned)
            elif key == "removed":
                value = "; ".join(c.edits.removed)
            elif key == "fields":
                value = "; ".join(prof.get("fields") or [])
            else:
                value = prof.get(key)
            if isinstance(value, bool):
                value = "예" if value else ""
            row.append(neutralise("" if value is None else str(value)))
        writer.writerow(row)
    return buf.getvalue().encode("utf-8-sig")
