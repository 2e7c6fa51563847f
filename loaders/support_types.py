"""The notice's eight support types and the labels sources use for them.

Source files, the K-Startup API (category codes and labels) and older notices all name the same
eight categories differently; :func:`normalise_support_type` maps them onto one vocabulary and
says when it could not, so the loader can keep the original label and report it.
"""

from __future__ import annotations

from loaders.textnorm import norm_key

__all__ = [
    "CATEGORY_CODES",
    "SUPPORT_TYPES",
    "normalise_support_type",
]

# Order follows the notice's own presentation (largest budget first in 2024).
SUPPORT_TYPES: tuple[str, ...] = (
    "융자·보증",
    "사업화",
    "기술개발(R&D)",
    "시설·공간·보육",
    "글로벌 진출",
    "멘토링·컨설팅·교육",
    "행사·네트워크",
    "인력",
)

# Normalised label -> canonical type. Keys go through norm_key, so spacing and the separators
# "·", "ㆍ", "/", "," do not matter. "판로" joins 글로벌 진출 because the API's supt_biz_clsfc
# label is "판로ㆍ해외진출"; domestic 판로 programs in spreadsheets are rare and the notice itself
# files them under 사업화 or 글로벌 진출.
_SYNONYMS: dict[str, str] = {
    "융자": "융자·보증",
    "보증": "융자·보증",
    "융자보증": "융자·보증",
    "정책자금": "융자·보증",
    "융자및보증": "융자·보증",
    "자금": "융자·보증",
    "사업화": "사업화",
    "창업사업화": "사업화",
    "사업화지원": "사업화",
    "기술개발": "기술개발(R&D)",
    "rd": "기술개발(R&D)",
    "기술개발rd": "기술개발(R&D)",
    "연구개발": "기술개발(R&D)",
    "시설공간보육": "시설·공간·보육",
    "시설": "시설·공간·보육",
    "공간": "시설·공간·보육",
    "보육": "시설·공간·보육",
    "시설공간": "시설·공간·보육",
    "창업보육": "시설·공간·보육",
    "입주공간": "시설·공간·보육",
    "글로벌": "글로벌 진출",
    "글로벌진출": "글로벌 진출",
    "해외진출": "글로벌 진출",
    "판로해외진출": "글로벌 진출",
    "판로": "글로벌 진출",
    "판로글로벌": "글로벌 진출",
    "멘토링컨설팅교육": "멘토링·컨설팅·교육",
    "멘토링컨설팅": "멘토링·컨설팅·교육",
    "멘토링": "멘토링·컨설팅·교육",
    "컨설팅": "멘토링·컨설팅·교육",
    "교육": "멘토링·컨설팅·교육",
    "창업교육": "멘토링·컨설팅·교육",
    "행사네트워크": "행사·네트워크",
    "행사": "행사·네트워크",
    "네트워크": "행사·네트워크",
    "네트워킹": "행사·네트워크",
    "인력": "인력",
    "인력지원": "인력",
    "인재": "인력",
}
for _t in SUPPORT_TYPES:
    _SYNONYMS[norm_key(_t)] = _t

# K-Startup biz_category_cd (real responses use capital T; accept any case).
CATEGORY_CODES: dict[str, str] = {
    "cmrczn_tab1": "사업화",
    "cmrczn_tab2": "멘토링·컨설팅·교육",  # 창업교육, folded into 멘토링·컨설팅·교육 since 2024
    "cmrczn_tab3": "시설·공간·보육",
    "cmrczn_tab4": "멘토링·컨설팅·교육",
    "cmrczn_tab5": "행사·네트워크",
    "cmrczn_tab6": "기술개발(R&D)",
    "cmrczn_tab7": "융자·보증",
    "cmrczn_tab8": "인력",
    "cmrczn_tab9": "글로벌 진출",
}


def normalise_support_type(label: str | None) -> tuple[str, bool]:
    """Map a source label to a canonical type.

    Returns ``(type, known)``. Unknown labels come back unchanged with ``known=False`` so the
    caller keeps them and reports them; an empty label gives ``("", False)``.
    """
    text = (label or "").strip()
    if not text:
        return "", False
    code = text.lower()
    if code in CATEGORY_CODES:
        return CATEGORY_CODES[code], True
    # norm_key drops "&", "·", "ㆍ" and spaces, so "R&D" -> "rd" and "판로ㆍ해외진출" -> "판로해외진출".
    key = norm_key(text.replace("&amp;", "&"), drop_year=False)
    if key in _SYNONYMS:
        return _SYNONYMS[key], True
    if "rd" in key and "기술" in key:  # "R&D 기술개발", "기술개발 R&D"
        return "기술개발(R&D)", True
    return text, False
