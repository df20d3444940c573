"""CodingCollab-v0 splits: disjoint by content, enough distinct tasks, tests that discriminate."""

from __future__ import annotations

from infopo_envs.coding.env import CodingCollabEnv
from infopo_envs.coding.probing import same_outcome
from infopo_envs.coding.sandbox import expected_of
from infopo_envs.coding.tasks import (
    OPENING_FRAMES,
    content_hash,
    draw_variant,
    family_names,
    reserved_catalogue,
    task_for,
    variants,
)
from infopo_envs.core import TaskRef

TEST_SIZE = CodingCollabEnv.test_size
TRAIN_CHECKED = 100_000


def test_the_test_split_holds_at_least_300_distinct_tasks():
    assert TEST_SIZE >= 300 and len(reserved_catalogue()) >= TEST_SIZE
    references = {draw_variant(TaskRef("test", i)).reference for i in range(TEST_SIZE)}
    assert len(references) == TEST_SIZE
    assert {draw_variant(TaskRef("test", i)).family for i in range(TEST_SIZE)} == set(
        family_names()
    )


def test_no_train_task_among_the_first_100k_shares_a_test_reference():
    # Hidden tests are a function of the reference (and the task's seed), so a train task can
    # only share a test task's content (reference + tests) by sharing its reference: hashing the
    # reference alone keeps the check over 100k train tasks fast.
    test_hashes = {
        content_hash(draw_variant(TaskRef("test", i)).reference) for i in range(TEST_SIZE)
    }
    train_hashes = set()
    for index in range(TRAIN_CHECKED):
        train_hashes.add(content_hash(draw_variant(TaskRef("train", index)).reference))
    assert not train_hashes & test_hashes
    print(f"distinct train references in the first {TRAIN_CHECKED}: {len(train_hashes)}")
    assert len(train_hashes) >= 80_000


def test_full_content_of_test_tasks_is_distinct_and_absent_from_train_tasks():
    test_contents = {
        content_hash(task_for("test", i).reference, task_for("test", i).calls) for i in range(100)
    }
    assert len(test_contents) == 100
    for index in range(50):
        task = task_for("train", index)
        assert content_hash(task.reference, task.calls) not in test_contents


def test_openings_vary_within_a_family():
    openings = {}
    for index in range(400):
        task = task_for("train", index) if index < 150 else draw_variant(TaskRef("train", index))
        openings.setdefault(task.family, set()).add(task.request)
    assert len(OPENING_FRAMES) >= 4
    several = [family for family, seen in openings.items() if len(seen) >= 2]
    assert len(several) >= 20


def test_hidden_tests_rule_out_almost_every_sibling():
    pairs, passing = 0, 0
    for index in range(0, 300, 5):
        task = task_for("test", index)
        mine = expected_of(task.reference_function(), list(task.calls))
        for sibling in variants(task.family)[:40]:
            if sibling.reference == task.reference:
                continue
            theirs = expected_of(sibling.reference_function(), list(task.calls))
            pairs += 1
            passing += all(same_outcome(a, b) for a, b in zip(mine, theirs, strict=True))
    # Some siblings are the same function written differently (a 0% tip rounded or not).
    assert passing <= 0.03 * pairs, (passing, pairs)
