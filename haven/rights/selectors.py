"""Which rights page a visitor sees: their language and jurisdiction first,
then the default jurisdiction, then English."""

from __future__ import annotations

from haven.rights.models import RightsPage


def _candidates(language: str, jurisdiction: str) -> list[tuple[str, str]]:
    order = [(language, jurisdiction), (language, "")]
    if language != "en":
        order += [("en", jurisdiction), ("en", "")]
    return order


def pages_for(*, language: str, jurisdiction: str) -> list[RightsPage]:
    chosen: dict[str, RightsPage] = {}
    for lang, place in _candidates(language, jurisdiction):
        for page in RightsPage.objects.filter(language=lang, jurisdiction=place):
            chosen.setdefault(page.slug, page)
    return sorted(chosen.values(), key=lambda page: (page.position, page.slug))


def page_for(*, slug: str, language: str, jurisdiction: str) -> RightsPage | None:
    for lang, place in _candidates(language, jurisdiction):
        page = RightsPage.objects.filter(slug=slug, language=lang, jurisdiction=place).first()
        if page is not None:
            return page
    return None
