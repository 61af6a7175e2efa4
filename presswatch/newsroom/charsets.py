"""Russian pages of ``faulty-wire`` in awkward encodings; each is a GOOD article whose Cyrillic
must come out right:

- ``/faulty-wire/enc/koi8r``: KOI8-R, declared in the HTTP header and a meta tag;
- ``/faulty-wire/enc/koi8r-undeclared``: KOI8-R, declared nowhere (``Content-Type: text/html``);
- ``/faulty-wire/enc/bom``: UTF-8 with a byte-order mark while the meta tag claims windows-1251
  (the BOM wins, as in browsers).
"""

from __future__ import annotations

from presswatch.newsroom.responses import Response

PAGES = {  # slug → (encoding, Content-Type header, meta tag, BOM, title)
    "koi8r": (
        "koi8-r",
        "text/html; charset=koi8-r",
        '<meta charset="koi8-r">',
        b"",
        "В Акбулаке открылся новый городской каток",
    ),
    "koi8r-undeclared": (
        "koi8-r",
        "text/html",
        "",
        b"",
        "Фермеры Карасуской долины собрали рекордный урожай абрикосов",
    ),
    "bom": (
        "utf-8",
        "text/html",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        b"\xef\xbb\xbf",
        "Городская библиотека продлила часы работы до полуночи",
    ),
}
LEAD = (
    "Вымышленный город Акбулак продолжает жить обычной жизнью: жители обсуждают новости, "
    "власти обещают подробности позже, а местные журналисты рассказывают об этом читателям."
)


def paths() -> list[str]:
    return [f"/faulty-wire/enc/{slug}" for slug in PAGES]


def page(slug: str) -> Response | None:
    if slug not in PAGES:
        return None
    encoding, ctype, meta, bom, title = PAGES[slug]
    body = "".join(
        f"<p>{LEAD} Абзац {i}: ещё немного подробностей о событии.</p>" for i in range(1, 5)
    )
    doc = (
        f'<!DOCTYPE html><html lang="ru"><head>{meta}<title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )
    return Response(200, bom + doc.encode(encoding), {"Content-Type": ctype})
