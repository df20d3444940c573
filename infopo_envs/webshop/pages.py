"""The shop's pages as immutable states: what each shows, what can be clicked, where a click leads.

As in WebShop: the search page; results pages (10 per page, ``Next >`` / ``< Prev``); an item
page with option radios, ``Description`` / ``Features`` / ``Reviews`` sub-pages and ``Buy Now``;
``Back to Search`` everywhere else. Clickable values are matched case-insensitively. Every
rendered page ends with the list of its clickable values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from infopo_envs.webshop.catalogue import Catalogue

SEARCH, RESULTS, ITEM, DETAIL = "search", "results", "item", "detail"
PER_PAGE = 10
BACK, PREV, NEXT, BUY = "back to search", "< prev", "next >", "buy now"
DETAIL_PAGES = ("description", "features", "reviews")


@dataclass(frozen=True)
class Page:
    kind: str = SEARCH
    query: str = ""
    results: tuple[int, ...] = ()  # product indices, best first
    number: int = 1  # results page number
    product: int | None = None  # product index on item and detail pages
    detail: str = ""  # which sub-page
    chosen: tuple[tuple[str, str], ...] = ()  # options selected on the item page

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.results) // PER_PAGE))

    def shown(self) -> tuple[int, ...]:
        start = (self.number - 1) * PER_PAGE
        return self.results[start : start + PER_PAGE]

    def chosen_options(self) -> dict[str, str]:
        return dict(self.chosen)


def normalize(value: str) -> str:
    return " ".join(value.lower().split())


def clickables(page: Page, catalogue: Catalogue) -> list[str]:
    """The clickable values of ``page``, lower-case, in the order they are shown."""
    if page.kind == SEARCH:
        return []
    values = [BACK]
    if page.kind == RESULTS:
        if page.number > 1:
            values.append(PREV)
        if page.number < page.pages:
            values.append(NEXT)
        values += [catalogue[i].asin.lower() for i in page.shown()]
        return values
    values.append(PREV)
    if page.kind == ITEM:
        for _, offered in catalogue[page.product].options:
            values += offered
        values += [*DETAIL_PAGES, BUY]
    return values


def follow(page: Page, value: str, catalogue: Catalogue) -> Page:
    """The page a click on ``value`` (a clickable of ``page``, not ``buy now``) leads to."""
    if value == BACK:
        return Page()
    if page.kind == RESULTS:
        if value in (PREV, NEXT):
            return replace(page, number=page.number + (1 if value == NEXT else -1))
        return replace(page, kind=ITEM, product=catalogue.by_asin(value).index, chosen=())
    if value == PREV and page.kind == ITEM:
        return replace(page, kind=RESULTS, product=None, chosen=())
    if value == PREV:
        return replace(page, kind=ITEM, detail="")
    if value in DETAIL_PAGES:
        return replace(page, kind=DETAIL, detail=value)
    for name, offered in catalogue[page.product].options:
        if value in offered:
            chosen = {**page.chosen_options(), name: value}
            return replace(page, chosen=tuple(sorted(chosen.items())))
    raise ValueError(f"{value!r} is not clickable on the {page.kind} page")


def render(page: Page, catalogue: Catalogue, instruction: str | None = None) -> str:
    """The page as text: a header, the instruction (when the env shows one), the content and
    the clickable values."""
    lines = [_header(page, catalogue)]
    if instruction:
        lines.append(f"Instruction: {instruction}")
    lines += _body(page, catalogue)
    values = clickables(page, catalogue)
    if values:
        lines.append("Clickable: " + " | ".join(values))
    return "\n".join(lines)


def _header(page: Page, catalogue: Catalogue) -> str:
    if page.kind == SEARCH:
        return "WebShop - search page"
    if page.kind == RESULTS:
        return (
            f"WebShop - results for {page.query!r}: page {page.number} of {page.pages} "
            f"(total results: {len(page.results)})"
        )
    asin = catalogue[page.product].asin
    if page.kind == ITEM:
        return f"WebShop - item {asin}"
    return f"WebShop - {page.detail} of item {asin}"


def _body(page: Page, catalogue: Catalogue) -> list[str]:
    if page.kind == SEARCH:
        return ["Type search[your query] to search the store."]
    if page.kind == RESULTS:
        if not page.results:
            return ["No products match your search."]
        return [_listing(catalogue, i) for i in page.shown()]
    product = catalogue[page.product]
    if page.kind == ITEM:
        lines = [product.title, f"Price: ${product.price:.2f}", f"Rating: {product.rating} / 5"]
        for name, offered in product.options:
            lines.append(f"{name}: " + " ".join(f"[{value}]" for value in offered))
        if page.chosen:
            lines.append("Selected: " + ", ".join(f"{n}: {v}" for n, v in page.chosen))
        lines.append("[Description] [Features] [Reviews] [Buy Now]")
        return lines
    details = catalogue.details(product.index)
    if page.detail == "description":
        return [details.description]
    if page.detail == "features":
        return [f"- {bullet}" for bullet in details.bullets]
    return [f"{r.reviewer} ({r.stars}/5): {r.text}" for r in details.reviews]


def _listing(catalogue: Catalogue, index: int) -> str:
    product = catalogue[index]
    return f"[{product.asin}] {product.title} | ${product.price:.2f}"
