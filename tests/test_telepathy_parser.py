"""The Telepathy question parser and guess reader, on questions a player would ask."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from infopo_envs.telepathy.guesses import resolve_guess
from infopo_envs.telepathy.judge import parse_question
from infopo_envs.telepathy.knowledge import knowledge_base, names_index, normalize_name
from infopo_envs.telepathy.predicates import NameIs
from infopo_envs.telepathy.question_lexicon import LexiconEntry


def answer(question: str, name: str) -> str:
    test = parse_question(question)
    assert test is not None, question
    return test.answer(knowledge_base()[names_index()[name]])


@pytest.mark.parametrize(
    ("question", "name", "expected"),
    [
        ("Is it an animal?", "dog", "yes"),
        ("is it an ANIMAL", "car", "no"),
        ("Is it a mammal?", "whale", "yes"),
        ("Is it bigger than a breadbox?", "dog", "maybe"),
        ("Is it bigger than a breadbox?", "car", "yes"),
        ("Is it bigger than a breadbox?", "apple", "no"),
        ("Is it bigger than a house?", "whale", "yes"),
        ("Is it bigger than a house?", "bus", "maybe"),
        ("Is it bigger than a house?", "house", "maybe"),  # as for every thing of its size
        ("Is it smaller than a cat?", "mouse", "yes"),
        ("Can you hold it in your hand?", "smartphone", "yes"),
        ("Does it have four legs?", "dog", "yes"),
        ("Does it have four legs?", "penguin", "no"),
        ("Does it have more than four legs?", "spider", "yes"),
        ("Is it a four-legged animal?", "chair", "no"),
        ("Can it fly?", "penguin", "no"),
        ("Can it fly?", "eagle", "yes"),
        ("Is it red or blue?", "apple", "yes"),
        ("Is it red or blue?", "banana", "no"),
        ("Is it black and white?", "zebra", "yes"),
        ("Is it black and white?", "crow", "no"),
        ("Is it black?", "zebra", "maybe"),
        ("Is it red?", "cat", "maybe"),
        ("Is it not alive?", "dog", "no"),
        ("Is it not alive?", "car", "yes"),
        ("Isn't it an animal?", "dog", "yes"),
        ("Was it invented before 1900?", "bicycle", "yes"),
        ("Was it invented before 1900?", "smartphone", "no"),
        ("Was it invented before 1900?", "dog", "no"),
        ("Did it exist before 1900?", "dog", "yes"),
        ("Was it invented in the 20th century?", "car", "yes"),
        ("Does its name start with the letter B?", "banana", "yes"),
        ("Does its name start with a?", "apple", "yes"),
        ("Is it a large animal?", "elephant", "yes"),
        ("Is it a large animal?", "cat", "no"),
        ("Does it eat meat?", "lion", "yes"),
        ("Does it eat meat?", "cow", "no"),
        ("Can you eat it?", "banana", "yes"),
        ("Does it live in the ocean?", "shark", "yes"),
        ("Is it found in the kitchen?", "spoon", "yes"),
        ("Is it man-made?", "car", "yes"),
        ("Is it man-made?", "dog", "no"),
        ("Is it made of wood?", "pencil", "yes"),
        ("Is it used for cooking?", "frying pan", "yes"),
        ("Is it a musical instrument?", "guitar", "yes"),
        ("Does it use electricity?", "television", "yes"),
        ("Is it safe?", "lion", "no"),
        ("Is it a giraffe?", "giraffe", "yes"),
        ("Is it a giraffe?", "zebra", "no"),
        ("Is it ice cream?", "ice cream", "yes"),
        ("Is it ice cream?", "glacier", "no"),
    ],
)
def test_answers(question, name, expected):
    assert answer(question, name) == expected


@pytest.mark.parametrize(
    "question",
    ["What colour is it?", "How big is it?", "hello?", "", "Tell me everything.", "🙂🙂", "?"],
)
def test_open_or_unknown_questions_do_not_parse(question):
    assert parse_question(question) is None


def test_a_direct_guess_is_a_name_test():
    assert parse_question("Is it a dog?") == NameIs("dog")
    assert parse_question("Are you thinking of puppies?") == NameIs("dog")


@pytest.mark.parametrize(
    ("guess", "name"),
    [
        ("giraffe", "giraffe"),
        ("A Giraffe!", "giraffe"),
        ("the giraffes", "giraffe"),
        ("It's a puppy", "dog"),
        ("my guess is an aubergine", "eggplant"),
        ("Rubik's Cube", "rubik's cube"),
        ("T-Shirt", "t-shirt"),
        ("glasses", "glasses"),
        ("glass", "glass"),
        ("strawberries", "strawberry"),
    ],
)
def test_guesses_accept_synonyms_case_articles_and_plurals(guess, name):
    assert resolve_guess(guess) == names_index()[normalize_name(name)]


@pytest.mark.parametrize("guess", ["unicorn", "", "a", "!!!", "x" * 500])
def test_unknown_guesses_resolve_to_nothing(guess):
    assert resolve_guess(guess) is None


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("Is it larger than cars?", "size>4.5"),
        ("Is it non-living?", "not alive"),
        ("Is it manmade?", "man_made"),
        ("Do they fly?", "flies"),
        ("Is it a kind of bedding?", "kind=bedding"),
        ("Is it a musical instrument?", "category=instrument"),
        ("Is it something you eat?", "category=food"),
        ("Can it be eaten?", "edible"),
        ("Is it something other than an animal?", "not category=animal"),
        ("Is it **furry**?", "covering=fur"),
    ],
)
def test_phrases_are_read_on_lemmas_with_the_longest_match(question, key):
    assert parse_question(question).key() == key


@pytest.mark.parametrize("question", ["Hi! Let's play.", "Thanks for playing with me!"])
def test_greetings_ask_nothing(question):
    assert parse_question(question) is None


def test_the_lexicon_data_is_validated():
    with pytest.raises(ValidationError, match="bad values"):
        LexiconEntry.model_validate(
            {"test": {"is": "colour", "values": ["plaid"]}, "phrases": ["x"]}
        )
    with pytest.raises(ValidationError, match="exactly one form"):
        LexiconEntry.model_validate({"test": {"flag": "alive", "size_above": 2}, "phrases": ["x"]})
    with pytest.raises(ValidationError, match="lower case"):
        LexiconEntry.model_validate({"test": {"flag": "alive"}, "phrases": ["Isn't"]})


def test_a_comparison_with_a_thing_never_tells_which_thing_it_is():
    giraffe = knowledge_base()[names_index()["giraffe"]]
    same_size = [e for e in knowledge_base() if e["size"] == giraffe["size"]]
    for question in ("Is it bigger than a giraffe?", "Is it smaller than a giraffe?"):
        test = parse_question(question)
        assert {test.answer(entity) for entity in same_size} == {"maybe"}, question


@pytest.mark.parametrize(
    ("hedged", "plain"),
    [
        ("Is it a dog by any chance?", "Is it a dog?"),
        ("My guess: is it a dog?", "Is it a dog?"),
        ("Is it bigger in size than a car?", "Is it bigger than a car?"),
        ("Is it smaller in size than a car?", "Is it smaller than a car?"),
        ("Is it something people didn't make?", "Is it not something people make?"),
    ],
)
def test_hedges_and_negations_inside_a_phrase_ask_what_the_plain_question_asks(hedged, plain):
    assert parse_question(hedged) is not None
    assert parse_question(hedged) == parse_question(plain)


def test_a_negated_phrase_is_the_negation_of_the_phrase():
    assert answer("Is it something people didn't make?", "mountain") == "yes"
    assert answer("Is it something people didn't make?", "car") == "no"
