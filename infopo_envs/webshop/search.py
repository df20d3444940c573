"""Full-text product search: a tantivy (BM25) index, built once per catalogue and cached on disk.

The index lives under ``<cache root>/webshop/<catalogue key>-<index key>``, where the cache root
is the ``cache_dir`` argument, else ``$INFOPO_CACHE``, else ``~/.cache/infopo``. A build writes a
temporary sibling directory and renames it into place, so two processes building the same index
at once both end up reading one complete index and never see a half-written one.

Queries are reduced to their lower-case words and analyzed like the documents (English stop words
dropped, the rest stemmed); the query is built from those terms, so nothing an agent types is
read as tantivy query syntax.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import tantivy

from infopo_envs.webshop.catalogue import Catalogue
from simulators.storage import cache_root as infopo_cache_root

INDEX_VERSION = 2
TOP_K = 50
MAX_QUERY_WORDS = 64
#: The title is indexed this many times in the one text field (a boost by term frequency: one
#: term query per query word instead of a boosted title query plus a text query).
TITLE_REPEATS = 2
ANALYZER = "webshop_en"
MANIFEST = "manifest.json"
WRITER_HEAP_BYTES = 512_000_000
_WORD = re.compile(r"[a-z0-9]+")


class SearchIndexError(RuntimeError):
    """The cached index is unusable (wrong size or unreadable); delete the directory named."""


def cache_root(cache_dir: str | os.PathLike | None = None) -> Path:
    """Where WebShop indexes are cached."""
    return Path(cache_dir or infopo_cache_root()) / "webshop"


def query_words(text: str) -> list[str]:
    """The words of a query (lower-case letters and digits), at most ``MAX_QUERY_WORDS``."""
    return _WORD.findall(text.lower())[:MAX_QUERY_WORDS]


def _analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stopword("english"))
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("idx", stored=False, indexed=False, fast=True)
    builder.add_text_field("text", tokenizer_name=ANALYZER)
    return builder.build()


def index_key() -> str:
    """Changes with the index layout or the tantivy version (whose on-disk format may change)."""
    label = f"i{INDEX_VERSION}-tantivy{importlib.metadata.version('tantivy')}"
    return hashlib.sha256(label.encode()).hexdigest()[:8]


def index_path(catalogue: Catalogue, cache_dir: str | os.PathLike | None = None) -> Path:
    return cache_root(cache_dir) / f"{catalogue.key}-{index_key()}"


def build_index(catalogue: Catalogue, path: Path) -> None:
    """Write the catalogue's index into the empty directory ``path`` (one writer thread, so
    the layout, and with it the order of equal scores, is the same on every build)."""
    index = tantivy.Index(_schema(), path=str(path))
    index.register_tokenizer(ANALYZER, _analyzer())
    writer = index.writer(WRITER_HEAP_BYTES, 1)
    for product_index, title, text in catalogue.search_documents():
        doc = tantivy.Document()
        doc.add_unsigned("idx", product_index)
        doc.add_text("text", " ".join([title] * TITLE_REPEATS + [text]))
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    manifest = {"catalogue": catalogue.key, "num_products": len(catalogue), "index": index_key()}
    (path / MANIFEST).write_text(json.dumps(manifest, sort_keys=True))


def ensure_index(catalogue: Catalogue, cache_dir: str | os.PathLike | None = None) -> Path:
    """The path of the catalogue's index, building it first if no complete one is cached."""
    final = index_path(catalogue, cache_dir)
    if (final / MANIFEST).exists():
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".build-", dir=final.parent))
    try:
        build_index(catalogue, scratch)
        try:
            os.rename(scratch, final)
        except OSError:
            if not (final / MANIFEST).exists():  # not another builder winning the race
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return final


@functools.lru_cache(maxsize=8)
def _open(path: str, num_products: int) -> tantivy.Index:
    try:
        index = tantivy.Index.open(path)
        index.register_tokenizer(ANALYZER, _analyzer())
        found = index.searcher().num_docs
    except ValueError as error:
        raise SearchIndexError(f"cannot read the search index at {path}: {error}") from error
    if found != num_products:
        raise SearchIndexError(
            f"the search index at {path} holds {found} products, expected {num_products}; "
            "delete that directory to rebuild it"
        )
    return index


class SearchIndex:
    """Top-``TOP_K`` BM25 search over one catalogue; results are product indices."""

    def __init__(self, catalogue: Catalogue, cache_dir: str | os.PathLike | None = None):
        self.path = ensure_index(catalogue, cache_dir)
        self._index = _open(str(self.path), len(catalogue))
        self._searcher = self._index.searcher()
        self._schema = self._index.schema
        self._analyzer = _analyzer()

    def search(self, query: str, limit: int = TOP_K) -> list[int]:
        """Product indices, best first (equal scores: lower index first)."""
        terms = dict.fromkeys(self._analyzer.analyze(" ".join(query_words(query))))
        if not terms:
            return []
        hits = self._searcher.search(self._query(terms), limit, count=False).hits
        if not hits:
            return []
        ids = self._searcher.fast_field_values("idx", [address for _, address in hits])
        ranked = sorted(
            zip((score for score, _ in hits), ids, strict=True),
            key=lambda pair: (-pair[0], pair[1]),
        )
        return [product_index for _, product_index in ranked]

    def _query(self, terms) -> tantivy.Query:
        """Any term in the text (where the title counts twice): built from analyzed terms, so
        no query syntax is ever parsed."""
        should = tantivy.Occur.Should
        return tantivy.Query.boolean_query(
            [
                (should, tantivy.Query.term_query(self._schema, "text", t, index_option="freq"))
                for t in terms
            ]
        )
