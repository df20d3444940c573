"""InfoPO/WebShop-v0: buy the product an instruction describes, in a generated web shop."""

from __future__ import annotations

import math
import os
from typing import Any

from infopo_envs.core import Feedback, InfoPOEnv, ParsedAction, Score, TaskRef
from infopo_envs.webshop.catalogue import DEFAULT_SEED, load_catalogue
from infopo_envs.webshop.grammar import WebShopGrammar
from infopo_envs.webshop.pages import (
    BUY,
    RESULTS,
    SEARCH,
    Page,
    clickables,
    follow,
    normalize,
    render,
)
from infopo_envs.webshop.reward import PurchaseScore, score_purchase
from infopo_envs.webshop.search import SearchIndex, query_words
from infopo_envs.webshop.tasks import Goal, generate_goal

DEFAULT_PRODUCTS = 10_000
MIN_PRODUCTS = 20
MAX_SHOWN_QUERY = 200


class WebShopEnv(InfoPOEnv):
    """Search a generated shop, find the product an instruction describes, pick its options, buy.

    ## Description
    Modelled on WebShop (Yao et al., 2022), over a generated catalogue (10,000 products by
    default, deterministic from ``catalogue_seed``) in 25 product types under five top categories,
    with titles, descriptions, bullet points, attributes, options (size, colour, flavour, ...),
    prices and ratings, in families of 8 near-duplicates. A goal is read off a family's target:
    three of its attributes, one value of each of its options and a price cap; every other member
    of the family lacks exactly one of them. The instruction paraphrases them (other words for
    the type and the values, facets in a shuffled order), as WebShop's human-written
    instructions do, so searching it verbatim rarely finds the target first. Search is a real
    full-text engine (tantivy, BM25) whose index is built once per catalogue and cached on disk;
    a search returns the top 50 products, 10 per results page.

    ## Action Space
    Text (``UnicodeText``, up to 16384 characters), one action per turn: ``search[<query>]`` on
    the search page, or ``click[<value>]`` with one of the page's clickable values: ``back to
    search``, ``next >``, ``< prev``, a product id on a results page, an option value,
    ``description``, ``features``, ``reviews`` or ``buy now`` on an item page. Values are
    case-insensitive. Anything else is invalid: a message says why, nothing changes.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the rules, the grammar and the search page;
    each ``step`` returns the page the action led to (header, the instruction, content, and a
    final ``Clickable:`` line listing every clickable value), or an error message.

    ## Rewards
    0 for every step but ``click[buy now]``, which gets WebShop's reward for the product on the
    item page with the options selected there:
    ``r_type * (matched attributes + matched options + [price <= cap]) / (attributes + options +
    1)``, where an attribute or option matches only the same value (numbers exactly, phrases as
    wholes, spelling bridged); docs/envs/webshop.md compares each term with WebShop's
    ``get_reward``. Invalid actions get ``invalid_action_reward``.

    ## Starting State
    The search page, with a goal drawn from the task: ``options={"task_id": "test-0003"}`` picks
    one, ``options={"split": "test"}`` draws from the fixed 100-goal test split, otherwise from
    the train split; test and train goals target disjoint families.

    ## Episode End
    Terminates at ``click[buy now]``; truncates at ``max_turns`` (default 20).

    ## Information
    Every info has ``turn``, ``task_id``, ``feedback_source`` (``tool`` for pages, ``env`` for
    errors), ``action_valid``, ``placeholder`` and ``page`` (search, results, item or detail).
    The purchase step adds ``purchase`` (the reward and each term: ``r_type``, ``query_match``,
    ``category_match``, ``title_score``, ``attributes``, ``options``, ``price``, ``price_ok``);
    the last step adds ``outcome`` (the purchase reward, 0 without a purchase), ``success``
    (reward 1.0) and ``goal``.

    ## Arguments
    ``gym.make("InfoPO/WebShop-v0", num_products=10_000, catalogue_seed=0, cache_dir=None,
    max_turns=20)``. ``cache_dir`` overrides where the index is cached (default
    ``$INFOPO_CACHE``, else ``~/.cache/infopo``).

    ## Version History
    - v0: initial release; families of near-duplicates, paraphrased instructions and exact
      value credit.
    """

    env_name = "WebShop"
    default_max_turns = 20
    test_size = 100
    grammar = WebShopGrammar()
    #: Whether pages repeat the goal's instruction (WebShop does; WebShopIntent keeps it hidden).
    shows_instruction = True

    def __init__(
        self,
        *,
        num_products: int = DEFAULT_PRODUCTS,
        catalogue_seed: int = DEFAULT_SEED,
        cache_dir: str | os.PathLike | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        if int(num_products) < MIN_PRODUCTS:
            raise ValueError(f"num_products must be at least {MIN_PRODUCTS}, got {num_products}")
        self.catalogue = load_catalogue(int(catalogue_seed), int(num_products))
        self.search_index = SearchIndex(self.catalogue, cache_dir)
        self.page = Page()
        self.goal: Goal | None = None
        self.purchase: PurchaseScore | None = None

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        self.goal = generate_goal(self.catalogue, task.split, task.index)
        self.page = Page()
        self.purchase = None
        return (
            "You are shopping in WebShop. Find the product that fits the instruction, select "
            "its options on the item page, and buy it.\n"
            f"{self.instructions_footer()}\n\n{self._render()}"
        )

    def _render(self) -> str:
        return render(self.page, self.catalogue, self._instruction())

    def _instruction(self) -> str | None:
        return self.goal.instruction if self.shows_instruction else None

    # ---- one action ----------------------------------------------------------------------------
    def _reject(self, action: ParsedAction) -> str | None:
        if action.tag == "search":
            if self.page.kind != SEARCH:
                return "search[...] works only on the search page; click[back to search] first."
            if not query_words(action.body):
                return "The search query has no words (letters or digits)."
        if action.tag == "click":
            values = clickables(self.page, self.catalogue)
            if normalize(action.body) not in values:
                listed = " | ".join(values) if values else "nothing (use search[...])"
                return f"Cannot click {action.body!r} on this page. Clickable: {listed}"
        return None

    def _act(self, action: ParsedAction) -> Feedback:
        if action.tag == "search":
            results = tuple(self.search_index.search(action.body))
            shown = " ".join(action.body.split())[:MAX_SHOWN_QUERY]
            self.page = Page(RESULTS, query=shown, results=results)
            return Feedback(self._render(), source="tool")
        value = normalize(action.body)
        if value == BUY:
            return self._buy()
        self.page = follow(self.page, value, self.catalogue)
        return Feedback(self._render(), source="tool")

    def _buy(self) -> Feedback:
        product = self.catalogue[self.page.product]
        chosen = self.page.chosen_options()
        self.purchase = score_purchase(product, chosen, self.goal)
        picked = ", ".join(f"{name}: {value}" for name, value in self.page.chosen) or "none"
        text = (
            f"Thank you for shopping with us! You bought {product.asin} ({product.title}) for "
            f"${product.price:.2f}, options: {picked}.\n"
            f"Your score (min 0.0, max 1.0): {self.purchase.reward:.4f}"
        )
        return Feedback(
            text,
            self.purchase.reward,
            "tool",
            terminated=True,
            info={"purchase": self.purchase.to_info()},
        )

    # ---- scoring and info ----------------------------------------------------------------------
    def _score(self) -> Score:
        reward = self.purchase.reward if self.purchase else 0.0
        return Score(reward, math.isclose(reward, 1.0))

    def _episode_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {"page": self.page.kind}
        if self.done:
            info["goal"] = self.goal.to_info()
        return info

    def candidate_actions(self) -> list[str]:
        """A finite menu of plausible actions (for random baselines), not every legal action."""
        if self.page.kind == SEARCH:
            queries = [self.goal.query, self._instruction()]
            return [f"search[{query}]" for query in queries if query]
        return [f"click[{value}]" for value in clickables(self.page, self.catalogue)]
