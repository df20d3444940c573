"""The scripted oracle for WebShop and WebShopIntent: ask, search, page to the target, buy."""

from __future__ import annotations

from infopo_envs.core.agents import PlannedAgent
from infopo_envs.webshop.env import WebShopEnv
from infopo_envs.webshop.intent_env import WebShopIntentEnv
from infopo_envs.webshop.judge import canonical_question
from infopo_envs.webshop.pages import PER_PAGE
from infopo_envs.webshop.tasks import Goal


def goal_query(goal: Goal) -> str:
    """The goal's words: the kind of product, its attributes and its option values."""
    return " ".join((goal.query, *goal.attributes, *(value for _, value in goal.options)))


def target_search(env: WebShopEnv) -> tuple[str, int]:
    """A query whose results hold the goal's product, and the product's rank there.

    The goal's words almost always find it; when products with the same words crowd it out of
    the top results, the product's own title does."""
    goal = env.goal
    for query in (goal_query(goal), env.catalogue[goal.product_index].title):
        results = env.search_index.search(query)
        if goal.product_index in results:
            return query, results.index(goal.product_index)
    raise RuntimeError(f"the search engine cannot find {goal.asin} by its words or its title")


class Oracle(PlannedAgent):
    """Reads the hidden goal; reaches reward 1.0 on every goal within the turn limit."""

    def plan(self, env: WebShopEnv) -> list[str]:
        goal = env.goal
        actions = []
        if isinstance(env, WebShopIntentEnv):
            actions += [f"[action] {canonical_question(key, env.kind)}" for key in env.facts]
        query, rank = target_search(env)
        actions.append(f"search[{query}]")
        actions += ["click[next >]"] * (rank // PER_PAGE)
        actions.append(f"click[{goal.asin.lower()}]")
        actions += [f"click[{value}]" for _, value in goal.options]
        actions.append("click[buy now]")
        return actions
