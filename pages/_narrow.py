"""Phones and narrow windows: what the profile pages change below Streamlit's sidebar breakpoint.

Streamlit (checked on 1.67) collapses the sidebar behind the "»" button at the top left when the
window is at most 768 px wide (its ``md`` breakpoint), and the server never learns the width.
So the narrow layout is CSS only, injected in every run by the profile form
(:func:`pages._sidebar` draws it on the pages that judge with the profile):

* the "»" button reads "» 내 회사 프로필" — the sidebar's own heading — so the pages' captions
  can name "내 회사 프로필" and be right on both layouts (never "왼쪽 사이드바" alone);
* a container keyed ``…_narrow_only`` is shown only on a narrow screen, ``…_wide_only`` only on
  a wide one (the result cards and the table of the finder and of 모집 공고);
* a container keyed ``…_narrow_last`` moves below the results (flex ``order``) on a narrow
  screen: the finder's filters, so its results start on the first screen of a phone;
* a container keyed ``…_narrow_row`` keeps its columns on one line (the finder's ○/△/× counts).

The result cards (:func:`cards_html`, fed by :func:`result_cards` for the finder and
:func:`call_cards` for 모집 공고) are HTML for ``st.html``: every program text in them is escaped here (and Streamlit sanitises ``st.html`` again); only https links are kept.

Nothing here runs script in the browser or reads Streamlit internals beyond the test ids and
``st-key-`` class names of the elements it styles.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from graph.calls import CallRow
from pages._format import STATUS_BADGES, eok
from usecases.finder import FinderRow

__all__ = [
    "NARROW_CSS",
    "ROWS_CSS",
    "Card",
    "call_cards",
    "cards_html",
    "narrow_rows_style",
    "narrow_style",
    "result_cards",
]

NARROW = "(max-width: 768px)"

# A keyed container is a ``stVerticalBlock`` inside a ``stLayoutWrapper``, and the wrapper is the
# flex item of the page's column: hiding or moving it, not the block, leaves no empty gap.
_BOX = '[data-testid="stLayoutWrapper"]:has(> [class*="{0}"]), [class*="{0}"]'

NARROW_CSS = f"""
<style>
{_BOX.format("_narrow_only")} {{ display: none !important; }}
@media {NARROW} {{
  {_BOX.format("_narrow_only")} {{ display: flex !important; }}
  {_BOX.format("_wide_only")} {{ display: none !important; }}
  {_BOX.format("_narrow_last")} {{ order: 90; }}
  [class*="_narrow_row"] [data-testid="stHorizontalBlock"] {{ flex-wrap: nowrap; gap: 0.5rem; }}
  [class*="_narrow_row"] [data-testid="stColumn"] {{
    min-width: 0 !important; width: auto !important; flex: 1 1 0 !important;
  }}
  [class*="_narrow_row"] [data-testid="stMetricValue"] {{ font-size: 1.35rem; }}
  [class*="_narrow_row"] [data-testid="stMetricLabel"] p {{ font-size: 0.75rem; }}
  [data-testid="stExpandSidebarButton"]::after {{
    content: "내 회사 프로필";
    font-size: 0.9rem;
    font-weight: 600;
    margin-left: 0.25rem;
    white-space: nowrap;
  }}
  [data-testid="stExpandSidebarButton"] {{ width: auto; }}
}}
.nv-cards {{ display: flex; flex-direction: column; gap: 0.5rem; }}
.nv-card {{
  border: 1px solid rgba(49, 51, 63, 0.2);
  border-radius: 0.5rem;
  padding: 0.55rem 0.75rem;
  line-height: 1.45;
}}
.nv-card .nv-head {{ display: flex; gap: 0.4rem; align-items: baseline; flex-wrap: wrap; }}
.nv-card .nv-name {{ font-weight: 600; }}
.nv-card .nv-meta {{ font-size: 0.8rem; color: rgba(49, 51, 63, 0.65); }}
.nv-card .nv-why {{
  font-size: 0.85rem;
  margin-top: 0.2rem;
  display: -webkit-box;
  -webkit-line-clamp: 4;
  -webkit-box-orient: vertical;
  overflow: hidden;
  overflow-wrap: anywhere;
}}
.nv-chip {{
  font-size: 0.8rem;
  font-weight: 600;
  border-radius: 0.75rem;
  padding: 0.05rem 0.5rem;
  white-space: nowrap;
}}
.nv-eligible {{ background: #DFF3E3; color: #1B5E20; }}
.nv-maybe {{ background: #FFF3C4; color: #6D5200; }}
.nv-ineligible {{ background: #ECEFF1; color: #455A64; }}
</style>
"""


# Only the ``…_narrow_row`` rule, for pages without the profile form (중복 분석): their "»" button
# opens the page menu, not "내 회사 프로필", so it keeps Streamlit's own label.
ROWS_CSS = f"""
<style>
@media {NARROW} {{
  [class*="_narrow_row"] [data-testid="stHorizontalBlock"] {{ flex-wrap: nowrap; gap: 0.5rem; }}
  [class*="_narrow_row"] [data-testid="stColumn"] {{
    min-width: 0 !important; width: auto !important; flex: 1 1 0 !important;
  }}
  [class*="_narrow_row"] [data-testid="stMetricValue"] {{ font-size: 1.35rem; }}
  [class*="_narrow_row"] [data-testid="stMetricLabel"] p {{ font-size: 0.75rem; }}
}}
</style>
"""


def narrow_rows_style() -> None:
    """Only the narrow-row CSS (pages without the profile form)."""
    st.html(ROWS_CSS)


def narrow_style() -> None:
    """The narrow-screen CSS for this run (the router calls it on the profile pages)."""
    st.html(NARROW_CSS)


@dataclass(frozen=True)
class Card:
    """One result card: what the finder's and the 모집 공고 page's phone layouts show per row.

    ``status`` is the verdict (None: no profile, so no chip), ``meta`` the facts under the
    title in order, ``link`` an https page opened by ``link_text``, ``why`` the reason line.
    """

    title: str
    status: str | None = None
    meta: tuple[str, ...] = ()
    link: str = ""
    link_text: str = "상세 ↗"
    why: str = ""


def cards_html(cards: Sequence[Card]) -> str:
    """Cards as HTML for ``st.html`` (the one card renderer; every text escaped, https only)."""
    out = []
    for c in cards:
        head = []
        if c.status is not None:
            head.append(
                f'<span class="nv-chip nv-{escape(c.status)}">'
                f"{escape(STATUS_BADGES[c.status])}</span>"
            )
        head.append(f'<span class="nv-name">{escape(c.title)}</span>')
        link = ""
        if c.link.startswith("https://"):
            link = (
                f' · <a href="{escape(c.link)}" target="_blank" rel="noopener noreferrer">'
                f"{escape(c.link_text)}</a>"
            )
        out.append(
            '<div class="nv-card">'
            f'<div class="nv-head">{"".join(head)}</div>'
            f'<div class="nv-meta">{escape(" · ".join(m for m in c.meta if m))}{link}</div>'
            f'<div class="nv-why">{escape(c.why)}</div>'
            "</div>"
        )
    return f'<div class="nv-cards">{"".join(out)}</div>'


def result_cards(rows: Sequence[FinderRow], *, judged: bool) -> str:
    """The finder's rows as cards for a narrow screen (HTML for ``st.html``, every text escaped).

    Each card leads with the verdict chip and the program's name, then 운영기관 · 지역 · 지원유형 ·
    예산 · 공고, then the reasons in the engine's order (a × leads with the failed condition);
    without a profile there is no chip and the card shows the 지원대상 text instead.
    """
    cards = []
    for r in rows:
        p = r.program
        meta = [p.institution or "운영기관 미상", p.region or "", p.support_type or ""]
        if p.budget_eok is not None:
            meta.append(eok(p.budget_eok))
        cards.append(
            Card(
                title=p.name,
                status=r.status if judged else None,
                meta=(*meta, r.call),
                link=p.url,
                why=(
                    " · ".join(r.reasons) if judged else f"지원대상: {p.target_text or '원문 없음'}"
                ),
            )
        )
    return cards_html(cards)


def call_cards(rows: Sequence[CallRow], *, judged: bool) -> str:
    """The 모집 공고 page's rows as cards for a narrow screen, drawn like the finder's.

    Each card leads with the verdict chip and the call's title, then its state with D-n
    ("모집 중 · 마감 D-3"), 접수기간, 공고기관 and the 통합공고 program it is linked to, then the
    reason that decides the verdict (:attr:`graph.calls.CallVerdict.deciding_reason`); without a
    profile there is no chip and the card shows the call's 지원대상 text instead.
    """
    cards = []
    for r in rows:
        c = r.call
        program = f"사업: {r.program_name}" if r.program_id else ""
        cards.append(
            Card(
                title=c.title,
                status=r.verdict.status if judged else None,
                meta=(r.when, c.period, c.organiser or "공고기관 미상", c.region or "", program),
                link=c.url,
                link_text="공고 ↗",
                why=(
                    r.verdict.deciding_reason
                    if judged
                    else f"지원대상: {c.target_text or '원문 없음'}"
                ),
            )
        )
    return cards_html(cards)


CARD_STEP = 30  # cards drawn at first, and added by each "더 보기"


def card_list(
    prefix: str,
    *,
    label: str,
    names: Mapping[str, str],
    placeholder: str,
    on_pick: Callable[[], None],
    cards: Callable[[int], str],
    total: int,
    unit: str,
) -> DeltaGenerator:
    """The phone's result list, shared by the finder and the calls page: a picker that opens a
    card (the table's row selection on a wide screen), the first ``n`` cards (``cards(n)``
    gives their HTML) and a "더 보기" button. Returns the slot where the opened card goes,
    between the picker and the cards. The widget keys are ``prefix`` + ``_pick`` / ``_more``,
    the containers' keys end in ``_narrow_only`` so the wide layout hides them."""
    count_key = f"_{prefix}_ncards"

    def more() -> None:
        st.session_state[count_key] = st.session_state.get(count_key, CARD_STEP) + CARD_STEP

    st.container(key=f"{prefix}_pick_narrow_only").selectbox(
        label,
        list(names),
        index=None,
        format_func=names.__getitem__,
        placeholder=placeholder,
        key=f"{prefix}_pick",
        on_change=on_pick,
    )
    slot = st.container()
    n_cards = st.session_state.get(count_key, CARD_STEP)
    with st.container(key=f"{prefix}_cards_narrow_only"):
        st.html(cards(n_cards))
        if total > n_cards:
            st.button(
                f"더 보기 ({n_cards:,} / {total:,}{unit})",
                on_click=more,
                key=f"{prefix}_more",
                width="stretch",
            )
    return slot
