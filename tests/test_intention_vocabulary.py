"""Intention's derived vocabulary: broader than the curated keywords, never ambiguous within a
request (a false reveal is worse than a miss)."""

import pytest

from infopo_envs.core.judging import lemmas, read
from infopo_envs.intention.judge import details_asked_about, traps
from infopo_envs.intention.requests import TEMPLATES
from infopo_envs.intention.vocabulary import Synonyms, derived_phrases, synonyms, template_phrases


def _forms(phrase):
    words = phrase.split()
    return lemmas(words[0]) if len(words) == 1 else frozenset({phrase})


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_no_derived_phrase_is_shared_by_two_details_of_a_request(template):
    entries = template_phrases(template)
    for kind in template.details:
        added = [p for p in entries[kind.name] if p not in kind.keywords]
        for phrase in added:
            for other in template.details:
                if other.name == kind.name:
                    continue
                shared = {f for p in entries[other.name] for f in _forms(p)} & _forms(phrase)
                assert not shared, (template.name, kind.name, other.name, phrase)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_no_derived_word_repeats_the_request(template):
    request = {f for word in read(template.request).clauses[0].tokens for f in word.forms}
    for kind in template.details:
        for phrase in template_phrases(template)[kind.name]:
            if phrase not in kind.keywords and len(phrase.split()) == 1:
                assert not _forms(phrase) & request, (template.name, kind.name, phrase)


def test_derivation_broadens_most_details():
    broadened = [
        kind
        for template in TEMPLATES
        for kind in template.details
        if len(template_phrases(template)[kind.name]) > len(kind.keywords)
    ]
    assert len(broadened) >= 0.7 * sum(len(t.details) for t in TEMPLATES)


def test_concept_synonyms_reach_the_details_that_name_them():
    job = next(t for t in TEMPLATES if t.name == "job_search")
    assert "whereabouts" in derived_phrases(job.detail("location"))
    asked = details_asked_about("Could you tell me your preferred whereabouts?", job)
    assert [k.name for k in asked] == ["location"]


def test_synonym_data_validates_and_rejects_bad_phrases():
    assert synonyms().concepts
    with pytest.raises(ValueError):
        Synonyms.model_validate(
            {"about": "", "generic": [], "concepts": {"x": {"triggers": ["A"], "phrases": ["b"]}}}
        )


def test_trap_phrases_ask_about_nothing_in_any_request():
    for template in TEMPLATES:
        for trap in traps().ignore:
            assert details_asked_about(trap.capitalize() + "?", template) == [], (template, trap)


def test_a_word_of_the_request_names_no_detail():
    getaway = next(t for t in TEMPLATES if t.name == "weekend_getaway")
    assert details_asked_about("Hi there! How can I help with your weekend?", getaway) == []
    assert [k.name for k in details_asked_about("Which dates suit you?", getaway)] == ["dates"]


def test_a_detail_put_off_for_later_comes_after_the_one_asked_now():
    move = next(t for t in TEMPLATES if t.name == "move")
    asked = details_asked_about("We can sort out the packing later; when is the move?", move)
    assert [k.name for k in asked] == ["date", "packing"]


def test_a_statement_that_only_puts_a_detail_off_asks_nothing_but_a_question_with_yet_asks():
    move = next(t for t in TEMPLATES if t.name == "move")
    assert details_asked_about("We can sort out the packing later.", move) == []
    assert details_asked_about("Let's hold off on the budget for now.", move) == []
    asked = details_asked_about("Have you sorted out the packing yet?", move)
    assert [k.name for k in asked] == ["packing"]
