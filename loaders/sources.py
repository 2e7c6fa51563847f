"""Where a fact came from, in words a client reads: publisher and title, never a file path.

The embedded dataset keeps each row's provenance verbatim in ``Source.citation`` — archive
files of the K-Startup 사업소개 listings ("pathcosmos/kstartup-biz-archive:2026-04-15.html"),
API response samples kept in public repositories, README notes and press URLs, separated by
";". Exports and program cards show them as :class:`SourceRef` instead: "K-Startup 사업소개
(사업화, 2026-04-15 보관본)" linked to the program's K-Startup page, "전자신문 기사
(2026-01-05)" linked to the article. Publishers are data (:data:`PUBLISHERS`, by web host); a
host that is not listed is shown as the host itself rather than a guessed name. Article dates
come from the enrichment notes (``data/enrichment_2026.csv``, "2026-01-05 기사: …") where a
note describes that page.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

from data import DATA_DIR

__all__ = ["PUBLISHERS", "SourceRef", "describe_sources", "sources_text"]

# Web host (without "www."/"m.") -> publisher, for hosts the embedded data cites.
PUBLISHERS: dict[str, str] = {
    "k-startup.go.kr": "K-Startup (창업진흥원)",
    "mss.go.kr": "중소벤처기업부",
    "korea.kr": "대한민국 정책브리핑",
    "asiae.co.kr": "아시아경제",
    "cm.asiae.co.kr": "아시아경제",
    "etnews.com": "전자신문",
    "asiatoday.co.kr": "아시아투데이",
    "sedaily.com": "서울경제",
    "magazine.hankyung.com": "한경매거진",
    "hankyung.com": "한국경제",
    "etoday.co.kr": "이투데이",
    "sportschosun.com": "스포츠조선",
    "joongdo.co.kr": "중도일보",
    "biz.chosun.com": "조선비즈",
    "news1.kr": "뉴스1",
    "busan.com": "부산일보",
    "donga.com": "동아일보",
    "unicornfactory.co.kr": "유니콘팩토리",
    "startuprecipe.co.kr": "스타트업레시피",
    "aflnews.co.kr": "농수축산신문",
    "zdnet.co.kr": "지디넷코리아",
    "biz.heraldcorp.com": "헤럴드경제",
    "cnbnews.com": "CNB뉴스",
    "ajunews.com": "아주경제",
    "fnnews.com": "파이낸셜뉴스",
    "newsprime.co.kr": "프라임경제",
    "newspim.com": "뉴스핌",
    "mapp.nocutnews.co.kr": "노컷뉴스",
    "nocutnews.co.kr": "노컷뉴스",
    "boom1.seoul.co.kr": "서울신문",
    "seoul.co.kr": "서울신문",
    "wowtv.co.kr": "한국경제TV",
    "kwnews.co.kr": "강원일보",
    "enewstoday.co.kr": "이뉴스투데이",
    "portal2.inbusiness.kr": "인비즈니스 (K-Startup 공고 사본)",
}
# Archives of the K-Startup 사업소개 listing pages, by category file.
_ARCHIVE = re.compile(r"kstartup-(?P<kind>biz|mentoring|global)-archive:(?P<day>\d{4}-\d{2}-\d{2})")
_ARCHIVE_KIND = {"biz": "사업화", "mentoring": "멘토링·컨설팅", "global": "글로벌"}
_API_SAMPLE = re.compile(r"gongo-radar|recon-biz", re.IGNORECASE)
_DATE_NOTE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*기사")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One source as a person cites it: ``label`` ("전자신문 기사 (2026-01-05)") and ``url``."""

    label: str
    url: str = ""


def _host(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if host.startswith("m.") and host[2:] in PUBLISHERS:
        host = host[2:]
    return host


@lru_cache(maxsize=1)
def _article_dates() -> dict[str, str]:
    """URL -> article date from the enrichment notes ("2026-01-05 기사: …")."""
    path = DATA_DIR / "enrichment_2026.csv"
    out: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                match = _DATE_NOTE.match(row.get("note", "") or "")
                if match and row.get("source_url"):
                    out.setdefault(row["source_url"].strip(), match.group(1))
    except OSError:
        return {}
    return out


def _describe(part: str, program_url: str) -> SourceRef:
    archive = _ARCHIVE.search(part)
    if archive:
        kind = _ARCHIVE_KIND[archive.group("kind")]
        return SourceRef(f"K-Startup 사업소개 ({kind}, {archive.group('day')} 보관본)", program_url)
    if _API_SAMPLE.search(part):
        return SourceRef("K-Startup OpenAPI 사업정보 (공개 저장소 보관본)", program_url)
    if part.lower().startswith(("http://", "https://")):
        host = _host(part)
        publisher = PUBLISHERS.get(host, host or part)
        if host == "k-startup.go.kr":
            return SourceRef("K-Startup 사업소개", part)
        day = _article_dates().get(part)
        if host in PUBLISHERS and not publisher.startswith("인비즈니스"):
            return SourceRef(f"{publisher} 기사" + (f" ({day})" if day else ""), part)
        return SourceRef(publisher + (f" ({day})" if day else ""), part)
    return SourceRef(part)


def describe_sources(citation: str, program_url: str = "") -> tuple[SourceRef, ...]:
    """The citation's parts as people name them, in order, without repeats.

    ``program_url`` (the program's K-Startup page) is the link of the archive and API sources,
    which describe that page.

    >>> [s.label for s in describe_sources(
    ...     "pathcosmos/kstartup-biz-archive:2026-04-15.html; https://www.etnews.com/20260105000184")]
    ['K-Startup 사업소개 (사업화, 2026-04-15 보관본)', '전자신문 기사 (2026-01-05)']
    """
    out: list[SourceRef] = []
    for raw in (citation or "").split(";"):
        part = raw.strip()
        if not part:
            continue
        ref = _describe(part, program_url)
        if all(ref.label != seen.label for seen in out):
            out.append(ref)
    return tuple(out)


def sources_text(citation: str, program_url: str = "") -> str:
    """:func:`describe_sources` as one line ("K-Startup 사업소개 (…); 전자신문 기사 (…)")."""
    return "; ".join(ref.label for ref in describe_sources(citation, program_url))
