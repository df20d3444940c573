"""The judging core reads messages the way language models write them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infopo_envs.core.judging import Lexicon, read, topics

LEXICON = Lexicon(
    {
        "replace": ["replace"],
        "cancel": ["cancel", "cancellation"],
        "save": ["save ... for"],
        "pad": ["zero-pad"],
        "stops": ["nonstop", "layover", "stop"],
        "airplane": ["airplane mode"],
        "cabin": ["seat", "cabin class"],
        "gluten": ["gluten-free"],
    },
    ignore=["window seat", "aisle seat", "how can i help"],
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I replaced the battery.", "replace"),
        ("It gets REPLACED?", "replace"),
        ("Should I proceed with the cancellation of order #W12?", "cancel"),
        ("Was it cancelled?", "cancel"),
        ("What are you saving up for?", "save"),
        ("Should the number be zero-padded?", "pad"),
        ("Zero padded?", "pad"),
        ("Do you want a non-stop flight?", "stops"),
        ("Any **layovers**?", "stops"),
        ("How many stops?", "stops"),
        ("Do you need gluten free dishes?", "gluten"),
        ("Do you need `gluten-free` dishes?", "gluten"),
    ],
)
def test_inflections_hyphens_and_markdown_match(text, key):
    assert read(text).keys(LEXICON) == [key]


@pytest.mark.parametrize(
    "text", ["Window or aisle seat?", "Hi! How can I help you today?", "Tell me about yourself."]
)
def test_traps_and_small_talk_are_about_nothing(text):
    assert read(text).find(LEXICON) == []


def test_a_trap_phrase_does_not_hide_a_real_mention_elsewhere():
    assert read("Window seat aside, which cabin class?").keys(LEXICON) == ["cabin"]


@pytest.mark.parametrize(
    "text",
    [
        "Don't turn off airplane mode yet.",
        "Do not turn off airplane mode.",
        "Never touch airplane mode.",
        "Please don't change airplane mode for now.",
        "I won't touch airplane mode yet.",
        "Let's not change airplane mode.",
        "No need to toggle airplane mode.",
    ],
)
def test_refusals_are_negated(text):
    reading = read(text)
    assert reading.keys(LEXICON) == []
    assert reading.negated_keys(LEXICON) == ["airplane"]


def test_deferral_is_flagged_with_the_negation():
    (hit,) = read("Don't turn off airplane mode yet").find(LEXICON)
    assert hit.negated and hit.deferred


@pytest.mark.parametrize(
    "text",
    [
        "Don't you want a nonstop flight?",
        "Are there stops you can't handle?",
        "Isn't a layover fine?",
        "Would you rather not have a layover?",
        "Don't forget to tell me about layovers!",
        "Not sure if you said: any layover?",
    ],
)
def test_negative_questions_still_ask(text):
    assert read(text).keys(LEXICON) == ["stops"]


def test_negation_is_scoped_to_its_clause():
    reading = read("I won't cancel it yet, but should I replace it?")
    assert reading.negated_keys(LEXICON) == ["cancel"]
    assert reading.keys(LEXICON) == ["replace"]


def test_a_listed_negation_covers_the_whole_list():
    lexicon = Lexicon({"hotel": ["hotel"], "flight": ["flight"], "car": ["car"]})
    reading = read("Don't book the hotel, flight or car yet.")
    assert reading.negated_keys(lexicon) == ["hotel", "flight", "car"]


@pytest.mark.parametrize(
    "text",
    [
        "First cancel it, then replace it.",
        "Cancel it and then replace it.",
        "After you cancel it, replace it.",
        "Replace it after you cancel it.",
        "Before you replace it, cancel it.",
        "Replace it, but first cancel it.",
        "Cancel it. Then replace it.",
    ],
)
def test_clause_order_follows_the_writer(text):
    assert read(text).keys(LEXICON) == ["cancel", "replace"]


def test_time_of_day_after_is_not_a_clause():
    reading = read("Would you like to fly after lunch?")
    assert len(reading.clauses) == 1


def test_longest_match_wins_and_equal_spans_share():
    lexicon = Lexicon({"car": ["car"], "rental": ["rental car"], "hire": ["rental car"]})
    assert sorted(read("Do you need a rental car?").keys(lexicon)) == ["hire", "rental"]


FACETS = Lexicon(
    {
        "price": ["budget", "spend", "how much"],
        "price_level": ["budget", "~fancy"],
        "area": ["area", "neighbourhood", "neighborhood"],
        "car_class": ["suv", "~kind"],
        "rating": ["rating", "star"],
    }
)
SUBJECTS = Lexicon(
    {
        "hotel": ["hotel", "accommodation", "per night", "stay"],
        "apartment": ["apartment", "accommodation", "per night", "stay"],
        "restaurant": ["restaurant", "dinner"],
        "car": ["car"],
    }
)
OFFERED = {
    "hotel": {"price", "area", "rating"},
    "restaurant": {"price_level", "rating"},
    "car": {"price", "car_class"},
}


def topic_keys(text, strict=False, offered=OFFERED):
    return topics(read(text), FACETS, SUBJECTS, offered, strict=strict).keys


def test_facets_resolve_to_the_named_subject():
    assert topic_keys("What's your budget for the hotel?") == ("hotel.price",)
    assert topic_keys("How much will you spend per night on accommodation?") == ("hotel.price",)
    assert topic_keys("What budget for dinner?") == ("restaurant.price_level",)


def test_an_unnamed_facet_resolves_only_when_one_subject_has_it():
    assert topic_keys("Which neighbourhood?") == ("hotel.area",)
    assert topic_keys("What's your budget?") == ()  # hotel, car and restaurant all have one
    found = topics(read("What's your budget?"), FACETS, SUBJECTS, OFFERED)
    assert "price" in found.ambiguous and found.nothing


def test_weak_phrases_need_their_subject_in_the_clause():
    assert topic_keys("What kind of place would you like to stay in?") == ()
    assert topic_keys("What kind of car do you want?") == ("car.car_class",)
    assert topic_keys("How fancy should it be?") == ()
    assert topic_keys("How fancy should the restaurant be?") == ("restaurant.price_level",)


def test_strict_readers_need_the_subject_and_one_topic():
    assert topic_keys("Which neighbourhood?", strict=True) == ()
    assert topic_keys("Which neighbourhood for the hotel?", strict=True) == ("hotel.area",)
    both = "What rating and which area for the hotel?"
    assert topic_keys(both) == ("hotel.rating", "hotel.area")
    found = topics(read(both), FACETS, SUBJECTS, OFFERED, strict=True)
    assert found.nothing and found.too_strict


def test_plain_topics_without_subjects():
    assert topics(read("Zero-padded, and replaced?"), LEXICON).keys == ("pad", "replace")
    assert topics(read("Zero-padded, and replaced?"), LEXICON, strict=True).keys == ()


def test_a_named_subject_without_the_facet_blocks_the_fallback():
    assert topic_keys("Which neighbourhood for the car?") == ()
    assert topic_keys("Which neighbourhood? Hotel, I mean.") == ("hotel.area",)


def test_overlapping_traps_hide_every_word_they_cover():
    lexicon = Lexicon({"cabin": ["seat"]}, ignore=["window or aisle", "aisle seat"])
    assert read("Window or aisle seat?").find(lexicon) == []


def test_a_specific_word_outranks_a_generic_one_in_its_clause():
    facets = Lexicon({"fuel": ["fuel"], "car_class": ["~type"]})
    found = topics(read("What fuel type should the car have?"), facets, SUBJECTS, OFFERED_CAR)
    assert found.keys == ("car.fuel",)


OFFERED_CAR = {"car": {"fuel", "car_class"}}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_is_read_without_error(text):
    reading = read(text)
    hits = reading.find(LEXICON)
    assert all(0 <= h.clause < len(reading.clauses) for h in hits)
    assert sorted(c.order for c in reading.clauses) == list(range(len(reading.clauses)))


def test_setting_a_topic_aside_refuses_it_but_aside_from_does_not():
    lexicon = Lexicon({"price": ["budget", "price"], "cabin": ["cabin class"]})
    assert read("Leaving the budget aside, which cabin class?").keys(lexicon) == ["cabin"]
    assert read("Price aside, which cabin class?").keys(lexicon) == ["cabin"]
    assert read("Setting the price aside for now, which cabin class?").negated_keys(lexicon) == [
        "price"
    ]
    assert read("Aside from the cabin class, what's your budget?").keys(lexicon) == [
        "cabin",
        "price",
    ]


def test_a_one_letter_typo_of_a_lexicon_word_still_matches_but_real_words_do_not():
    lexicon = Lexicon({"price": ["budget"], "audience": ["audience"], "volunteers": ["volunteer"]})
    assert read("What's your budjet?").keys(lexicon) == ["price"]
    assert read("Who is the audiance?").keys(lexicon) == ["audience"]
    assert read("How many volunters?").keys(lexicon) == ["volunteers"]  # inflected typo
    assert read("What's the budgeteer?").keys(lexicon) == []  # two edits away
    assert read("Is it a bud?").keys(lexicon) == []  # too short to be read as a typo
    assert Lexicon({"price": ["prize"]}).corrections("prise") == frozenset()  # an English word


def test_a_subject_named_by_its_own_word_wins_over_a_word_shared_with_others():
    facets = Lexicon({"price": ["pay"]})
    subjects = Lexicon({"hotel": ["hotel", "per night"], "apartment": ["apartment", "per night"]})
    offered = {"hotel": ["price"], "apartment": ["price"]}
    named = read("How much will you pay per night for the apartment?")
    assert topics(named, facets, subjects, offered).keys == ("apartment.price",)
    shared = read("How much will you pay per night?")
    assert topics(shared, facets, subjects, offered).keys == ("hotel.price", "apartment.price")


def test_what_must_come_first_after_until_is_asked_not_refused():
    lexicon = Lexicon({"experience": ["experience"], "price": ["budget"], "hotel": ["hotel"]})
    reading = read("I won't write the letter until I know what experience to highlight.")
    assert reading.keys(lexicon) == ["experience"]
    booking = read("Don't book the hotel until you tell me your budget.")
    assert booking.keys(lexicon) == ["price"] and booking.negated_keys(lexicon) == ["hotel"]
    assert read("Don't discuss the budget until tomorrow.").negated_keys(lexicon) == ["price"]
    held = read("Hold off on the hotel until I say so.")
    assert [(h.key, h.deferred) for h in held.find(lexicon)] == [("hotel", True)]


def test_holding_off_defers_and_a_deferral_ends_its_clause_before_and():
    lexicon = Lexicon(
        {"reboot": ["restart your phone"], "data": ["mobile data"], "speed": ["speed test"]}
    )
    held = read("Please hold off on restarting your phone.")
    assert [(h.key, h.deferred) for h in held.find(lexicon)] == [("reboot", True)]
    leave = read("Leave mobile data on for now and run a speed test.")
    assert [(h.key, h.deferred) for h in leave.find(lexicon)] == [("data", True), ("speed", False)]
    both = read("Check mobile data and run a speed test.")  # no deferral: one clause, both asked
    assert [(h.key, h.deferred) for h in both.find(lexicon)] == [("data", False), ("speed", False)]


def test_a_clause_opening_with_nothing_refuses_what_it_names_but_nothing_else_does_not():
    lexicon = Lexicon({"cancel": ["cancel"], "reason": ["reason"]})
    reading = read("Nothing will be cancelled before you confirm; may I ask the reason?")
    assert reading.negated_keys(lexicon) == ["cancel"] and reading.keys(lexicon) == ["reason"]
    assert read("Nothing else? Then I'll cancel it.").keys(lexicon) == ["cancel"]
