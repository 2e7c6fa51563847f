"""``navigator fields``: the technology fields a profile or ``--field`` may name."""

from __future__ import annotations

import argparse

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``fields`` subcommand."""
    p = sub.add_parser(
        "fields", help="프로필의 fields와 --field에 쓸 수 있는 기술분야 이름과 별칭을 출력합니다"
    )
    p.add_argument("--json", action="store_true", help="JSON 목록으로 출력")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print every field name with its aliases (JSON: [{name, aliases, form_field}])."""
    from loaders.taxonomy import FORM_FIELDS, field_choices
    from navigator.common import print_json

    forms = {field: form for form, field in FORM_FIELDS.items()}
    rows = [
        {"name": name, "aliases": list(aliases), "form_field": forms.get(name, "")}
        for name, aliases in field_choices()
    ]
    if args.json:
        print_json(rows)
        return 0
    print("기술분야 (프로필 fields · navigator path --field에 이름이나 별칭을 씁니다)")
    for row in rows:
        form = f" [사업계획서 기술분야 '{row['form_field']}']" if row["form_field"] else ""
        aliases = ", ".join(row["aliases"])
        print(f"  {row['name']}{form}")
        if aliases:
            print(f"      별칭: {aliases}")
    return 0
