"""InfoPO/WebShopIntent-v0: the shopper only names the kind of product; ask, then shop."""

from __future__ import annotations

from typing import Any

from infopo_envs.core import (
    ActionForm,
    ElicitationTracker,
    Feedback,
    ParsedAction,
    TaskRef,
    UserChannel,
)
from infopo_envs.webshop.env import WebShopEnv
from infopo_envs.webshop.grammar import WebShopGrammar
from infopo_envs.webshop.judge import (
    canonical_question,
    facet_of,
    fact_phrasings,
    topic_lexicons,
    topics_asked,
)
from infopo_envs.webshop.tasks import article
from simulators import UserSimulator

#: What all rewarded answers of an episode add up to at most (a perfect purchase is 1.0).
DEFAULT_ELICIT_TOTAL = 0.3


class WebShopIntentEnv(WebShopEnv):
    """Shop for a user who first names only the kind of product and reveals the rest when asked.

    ## Description
    The user-centric variant of WebShop-v0, on the same shop, search engine, pages, goals and
    reward. The shopper (a ``simulators.UserSimulator``) opens with only the kind of product
    ("I'm looking for a shampoo") and holds the rest of the goal: its attributes (one per facet,
    such as the ingredients or the hair type), the option values (size, scent, ...) and the price
    cap. It reveals one of them when asked a concrete question about it; a question about a topic
    it holds nothing on gets "no preference", a question about nothing concrete gets "too vague",
    and after 3 unhelpful questions in a row it volunteers a remaining fact (unrewarded). At most
    one new fact is revealed per question. The env decides what a question is about from its own
    lexicon of each topic's words and values, read by the shared judging core (lemmas, hyphens,
    markdown, negation: "don't worry about the budget yet" asks nothing about it), never from
    the simulator's words.

    ## Action Space
    Text (``UnicodeText``, up to 16384 characters), one action per turn: ``[action] <message to
    the shopper>`` on any page, or WebShop's ``search[<query>]`` (on the search page) and
    ``click[<value>]`` (a clickable value of the current page). Anything else is invalid: a
    message says why, nothing changes.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the rules, the grammar, the topics a shopper
    of this kind of product may care about, the shopper's opening message and the search page.
    ``step`` returns the shopper's reply, the page an action led to (ending with its
    ``Clickable:`` line) or an error message. Pages do not repeat an instruction.

    ## Rewards
    Step rewards shape the questions: each fact the shopper reveals in answer to a question gets
    ``elicit_total / number of held facts``, so all questions of an episode together earn at
    most ``elicit_total`` (0.3), well below a purchase. At ``click[buy now]``, WebShop's
    purchase reward for the goal (see WebShop-v0 and docs/envs/webshop.md). Invalid actions get
    ``invalid_action_reward``. ``info["outcome"]`` is the purchase reward alone: 0 without a
    purchase, whatever was asked; ``info["success"]`` whether it is 1.0.

    ## Starting State
    The search page and the shopper's opening, for a goal drawn as in WebShop-v0 (the same goal
    for the same task id): ``options={"task_id": "test-0003"}``, ``options={"split": "test"}``
    (100 fixed goals) or the train split.

    ## Episode End
    Terminates at ``click[buy now]``; truncates at ``max_turns`` (default 30).

    ## Information
    WebShop-v0's keys (``page``; ``purchase`` on the purchase step; ``goal`` at the end), plus
    ``elicited`` (topic keys such as ``price``, ``option:size``, ``attribute:ingredients``),
    ``reply_kind`` and ``judgment`` (``{"kind": "reveal", "keys": ["price"]}``: the reply plan's
    kind and the topic keys it concerns) on the shopper's replies (``feedback_source`` ``user``)
    and ``simulator`` statistics at the end.

    ## Arguments
    ``gym.make("InfoPO/WebShopIntent-v0", simulator="rule", elicit_total=0.3,
    num_products=10_000, catalogue_seed=0, cache_dir=None, max_turns=30)``. ``simulator`` is a
    spec string (``"rule:terse"``) or a ``UserSimulator``.

    ## Version History
    - v0: initial release; questions read by the shared judging core; question rewards bounded
      by ``elicit_total``.
    """

    env_name = "WebShopIntent"
    default_max_turns = 30
    grammar = WebShopGrammar(
        ActionForm("action", "say something to the shopper (e.g. ask a question)", "message")
    )
    shows_instruction = False

    def __init__(
        self,
        simulator: str | UserSimulator | None = "rule",
        *,
        elicit_total: float = DEFAULT_ELICIT_TOTAL,
        **kwargs: Any,
    ):
        if not 0.0 <= float(elicit_total) < 1.0:
            raise ValueError(
                f"elicit_total must be in [0, 1), below a perfect purchase; got {elicit_total}"
            )
        super().__init__(**kwargs)
        self.user = UserChannel(simulator)
        self.elicit_total = float(elicit_total)
        self.tracker = ElicitationTracker({})

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        super()._start(task, options)
        self.kind = self.catalogue[self.goal.product_index].kind
        facets = {a: facet_of(self.kind, a) for a in self.goal.attributes}
        self.facts = fact_phrasings(self.goal, facets)
        self.tracker = ElicitationTracker(self.facts, reveal_at_most=1)
        opening = f"Hi! I'm looking for {article(self.kind.noun)}. Can you find one for me?"
        self.user.start(
            role=self._role(),
            hidden=self.goal.to_info(),
            seed=int(self.np_random.integers(2**63)),
            opening=opening,
        )
        topics = ", ".join(key.split(":")[-1] for key in topic_lexicons(self.kind))
        return (
            "You are a shopping assistant in WebShop. The shopper's request is vague: ask them "
            "concrete questions, one thing at a time, then search the shop, select the options "
            "they want on the item page and buy the product that fits.\n"
            f"A shopper of {self.kind.noun} may care about: {topics}.\n"
            f"{self.instructions_footer()}\n\nShopper: {opening}\n\n{self._render()}"
        )

    def _role(self) -> str:
        lines = [
            f"You are shopping online for {article(self.kind.noun)}.",
            "What you want (reveal one thing only when asked about it; never list them):",
            *(f"- {phrasings[0]}" for phrasings in self.facts.values()),
            "On anything else you have no preference.",
        ]
        return "\n".join(lines)

    # ---- one action ----------------------------------------------------------------------------
    def _act(self, action: ParsedAction) -> Feedback:
        if action.tag == "action":
            return self._ask(action.body)
        return super()._act(action)

    def _ask(self, question: str) -> Feedback:
        asked = topics_asked(question, self.kind, self.user.persona.strict_questions)
        return self.tracker.ask(self.user, question, asked, self.np_random, self.elicit_reward)

    @property
    def elicit_reward(self) -> float:
        """The step reward per revealed fact: the episode's question budget over the facts."""
        return self.elicit_total / len(self.facts)

    @property
    def elicited(self) -> set[str]:
        """Topic keys uncovered by the agent's questions (rewarded)."""
        return self.tracker.elicited

    @property
    def volunteered(self) -> set[str]:
        """Topic keys the shopper volunteered after unhelpful questions (unrewarded)."""
        return self.tracker.volunteered

    # ---- info and baselines ----------------------------------------------------------------
    def _episode_info(self) -> dict[str, Any]:
        info = {**super()._episode_info(), "elicited": sorted(self.elicited)}
        if self.done:
            info["simulator"] = self.user.stats()
        return info

    def candidate_actions(self) -> list[str]:
        topics = topic_lexicons(self.kind)
        questions = [f"[action] {canonical_question(key, self.kind)}" for key in topics]
        return [*questions, "[action] What else do you want?", *super().candidate_actions()]
