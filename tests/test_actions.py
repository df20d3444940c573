"""The tagged grammar reads what language models write, and never guesses between two actions."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infopo_envs.core.actions import ActionForm, InvalidAction, ParsedAction, TaggedGrammar
from infopo_envs.travel import TravelIntentEnv

GRAMMAR = TaggedGrammar(
    ActionForm("action", "ask", "message"),
    ActionForm("search", "search", "json request", json=True),
    ActionForm("answer", "book", "option id"),
    ActionForm("finish", "stop"),
)
REQUEST = {"aspect": "hotel", "city": "Lisbon"}


@pytest.mark.parametrize(
    ("text", "tag", "body"),
    [
        ("[action] Where to?", "action", "Where to?"),
        ("[ACTION]   Where to?  ", "action", "Where to?"),
        ("Sure! [action] Where to?", "action", "Where to?"),
        ("I'd like to know more.\n\n[action] Where to?", "action", "Where to?"),
        ("**[action]** Where to?", "action", "Where to?"),
        ("**[answer] H3**", "answer", "H3"),
        ("`[answer] H3`", "answer", "H3"),
        ("[answer]: H3", "answer", "H3"),
        ("<answer>H3</answer>", "answer", "H3"),
        ("Booking now. <answer> H3 </answer>", "answer", "H3"),
        ("<action>Where to?</action>", "action", "Where to?"),
        ("<finish/>", "finish", ""),
        ("<action>[answer] H3</action>", "answer", "H3"),
        ("[finish]", "finish", ""),
        (
            '[search] ```json\n{"aspect": "hotel", "city": "Lisbon"}\n```',
            "search",
            json.dumps(REQUEST),
        ),
        ('{"name": "answer", "arguments": {"option_id": "H3"}}', "answer", "H3"),
        ('{"name": "answer", "arguments": "{\\"option_id\\": \\"H3\\"}"}', "answer", "H3"),
        ('{"name": "finish", "arguments": "{}"}', "finish", ""),
        (
            '{"type": "function", "function": {"name": "search", "arguments": '
            + json.dumps(json.dumps(REQUEST))
            + "}}",
            "search",
            json.dumps(REQUEST),
        ),
        (
            '{"tool_calls": [{"type": "function", "function": {"name": "action", '
            '"arguments": {"message": "Where to?"}}}]}',
            "action",
            "Where to?",
        ),
        (
            '```json\n{"name": "search", "arguments": ' + json.dumps(REQUEST) + "}\n```",
            "search",
            json.dumps(REQUEST),
        ),
        (
            'Let me search.\n```json\n{"name": "search", "arguments": '
            + json.dumps(REQUEST)
            + "}\n```",
            "search",
            json.dumps(REQUEST),
        ),
        (
            '<tool_call>\n{"name": "answer", "arguments": {"option_id": "H3"}}\n</tool_call>',
            "answer",
            "H3",
        ),
        ('answer(option_id="H3")', "answer", "H3"),
        ("`answer('H3')`", "answer", "H3"),
        ("finish()", "finish", ""),
        ('search(aspect="hotel", city="Lisbon")', "search", json.dumps(REQUEST)),
    ],
)
def test_accepted_forms(text, tag, body):
    parsed = GRAMMAR.parse(text)
    assert isinstance(parsed, ParsedAction), parsed
    assert (parsed.tag, parsed.body) == (tag, body)
    if tag == "search":
        assert json.loads(parsed.body) == REQUEST


@pytest.mark.parametrize(
    "text",
    [
        "[answer] H3 [answer] H4",
        "[search] {} [search] {}",
        "<answer>H3</answer><answer>H4</answer>",
        "[action] Where to? <answer>H3</answer>",
        '[{"name": "answer", "arguments": {"option_id": "H3"}}, '
        '{"name": "finish", "arguments": {}}]',
        '<tool_call>{"name": "answer", "arguments": "H3"}</tool_call>'
        '<tool_call>{"name": "finish"}</tool_call>',
    ],
)
def test_two_actions_are_an_error_never_merged(text):
    parsed = GRAMMAR.parse(text)
    assert isinstance(parsed, InvalidAction) and "exactly one" in parsed.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("where to?", "starts with a tag"),
        ("[bogus] hi", "Unknown tag [bogus]"),
        ("[action]", "needs a message"),
        ("<answer></answer>", "needs a option id"),
        ('{"name": "dance", "arguments": {}}', "Unknown action 'dance'"),
        ("<tool_call>not json</tool_call>", "JSON call"),
        ("answer(open('/etc/passwd'))", "literal values"),
        ('answer("H3", "H4")', "name=value"),
        ("dance(steps=3)", "Unknown action 'dance'"),
        (b"\xff", "UTF-8"),
        (42, "must be text"),
    ],
)
def test_clear_errors(text, reason):
    parsed = GRAMMAR.parse(text)
    assert isinstance(parsed, InvalidAction) and reason in parsed.reason


def test_a_call_form_takes_calls_to_other_names():
    grammar = TaggedGrammar(
        ActionForm("action", "ask", "message"),
        ActionForm("tool", "call", "json call"),
        call_form="tool",
    )
    parsed = grammar.parse(
        '<tool_call>{"name": "get_order", "arguments": "{\\"id\\": 1}"}</tool_call>'
    )
    assert parsed == ParsedAction("tool", '{"name": "get_order", "arguments": {"id": 1}}')
    assert grammar.parse("get_order(id=1)") == parsed


def test_an_action_over_the_space_length_is_refused_by_the_env():
    env = TravelIntentEnv()
    env.reset(options={"task_id": "test-0000"})
    limit = env.action_space.max_length
    obs, reward, terminated, _, info = env.step("[action] " + "a" * limit)
    assert not info["action_valid"] and not terminated and reward == 0.0
    assert f"the limit is {limit}" in obs
    assert env.elicited == set()


def test_lenient_forms_play_the_same_as_plain_tags():
    env = TravelIntentEnv()
    env.reset(options={"task_id": "test-0000"})
    pref = env.scenario.aspects[0].preferences[0]
    *_, info = env.step(f"Great, thanks! **[action]** {pref.kind.question}")
    assert info["action_valid"] and info["judgment"] == {"kind": "reveal", "keys": [pref.key]}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "[action]",
                "[answer]",
                "<answer>",
                "</answer>",
                "<tool_call>",
                "</tool_call>",
                "{",
                "}",
                '"name"',
                ":",
                "```",
                "json",
                "**",
                "(",
                ")",
                "=",
                "'",
                "H3",
                " ",
                "\n",
                "finish",
                "search",
            ]
        )
        | st.text(max_size=5),
        max_size=30,
    )
)
def test_any_mix_of_action_syntax_parses_or_fails_cleanly(pieces):
    parsed = GRAMMAR.parse("".join(pieces))
    assert isinstance(parsed, ParsedAction | InvalidAction)
    if isinstance(parsed, ParsedAction):
        assert parsed.tag in GRAMMAR.forms
