"""Scoring and ranking."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

TIE_WORDS = ("tie", "ties", "tied", "same score", "equal")


@family("ranking.competition_ranks")
def competition_ranks(rng) -> CodingTask:
    style = pick(rng, ("standard", "dense", "modified"))
    lower_better = bool(rng.integers(2))
    key = "s" if lower_better else "-s"
    rank_expr = {
        "standard": "1 + sum(1 for o in scores if better(o, s))",
        "dense": "1 + len({o for o in scores if better(o, s)})",
        "modified": "sum(1 for o in scores if not better(s, o))",
    }[style]
    reference = f"""def ranks(scores):
    def better(a, b):
        return {key.replace("s", "a")} < {key.replace("s", "b")}

    return [{rank_expr} for s in scores]
"""
    calls = [
        ([10, 20, 20, 30],),
        ([5],),
        ([],),
        ([3, 3, 3],),
        ([1, 2, 3, 4],),
        ([100, 90, 90, 80, 70, 70, 70],),
        ([7, 1, 7, 1],),
        ([2, 4, 4, 4, 9],),
        ([0, -1, -1, 5],),
        ([50, 60, 50, 60, 55],),
        ([9, 8, 8, 8, 7, 6],),
    ]
    described = {
        "standard": "Tied players share the best rank and the next rank skips, like 1, 2, 2, 4.",
        "dense": "Tied players share a rank and the next rank does not skip, like 1, 2, 2, 3.",
        "modified": "Tied players share the worst of their ranks, like 1, 3, 3, 4.",
    }[style]
    return CodingTask(
        "ranking.competition_ranks",
        "ranks",
        "def ranks(scores: list[int]) -> list[int]",
        "I need the ranks for a list of scores from our tournament.",
        reference,
        tuple(calls),
        (
            fact(
                "direction",
                ("higher", "lower", "better", "direction", "golf", "wins"),
                "Is a higher score better?",
                "Lower scores are better, like golf."
                if lower_better
                else "Higher scores are better.",
                "The smallest score ranks 1." if lower_better else "The biggest score ranks 1.",
            ),
            fact(
                "ties", TIE_WORDS, "How are ties ranked?", described, described.split(",")[0] + "."
            ),
            fact(
                "format",
                ("format", "return", "order", "output"),
                "What should it return?",
                "A list of ranks in the same order as the scores.",
                "Rank of each score, in the input order.",
            ),
        ),
    )


@family("ranking.letter_grade")
def letter_grade(rng) -> CodingTask:
    homework, midterm = 5 * int(rng.integers(2, 8)), 5 * int(rng.integers(2, 8))
    weights = (homework / 100, midterm / 100, (100 - homework - midterm) / 100)
    cutoffs = [int(rng.integers(85, 96))]
    for _ in range(3):
        cutoffs.append(cutoffs[-1] - int(rng.integers(5, 13)))
    cutoffs = tuple(cutoffs)
    plus = bool(rng.integers(2))
    plus_line = '    if grade != "F" and score % 10 >= 7:\n        grade += "+"\n' if plus else ""
    reference = f"""def letter_grade(homework, midterm, final):
    score = homework * {weights[0]} + midterm * {weights[1]} + final * {weights[2]}
    score = round(score, 6)
    for letter, cutoff in zip("ABCD", {cutoffs!r}):
        if score >= cutoff:
            grade = letter
            break
    else:
        grade = "F"
{plus_line}    return grade
"""
    calls = [
        (100, 100, 100),
        (0, 0, 0),
        (90, 90, 90),
        (80, 85, 79),
        (60, 70, 65),
        (95, 40, 88),
        (70, 70, 70),
        (50, 60, 55),
        (88, 92, 97),
        (77, 77, 77),
        (59, 61, 60),
    ]
    w = ", ".join(f"{round(x * 100)}%" for x in weights)
    return CodingTask(
        "ranking.letter_grade",
        "letter_grade",
        "def letter_grade(homework: float, midterm: float, final: float) -> str",
        "Can you write the function that turns a student's marks into a letter grade?",
        reference,
        tuple(calls),
        (
            fact(
                "weights",
                ("weights", "weight", "weighted", "count for", "worth"),
                "What weight does each part have?",
                f"Homework, midterm and final count {w} of the total.",
                f"The weights are {w} for homework, midterm, final.",
            ),
            fact(
                "cutoffs",
                ("cutoffs", "cutoff", "boundaries", "thresholds", "an a", "for a"),
                "What are the cutoffs for each letter?",
                f"A from {cutoffs[0]}, B from {cutoffs[1]}, C from {cutoffs[2]}, D from "
                f"{cutoffs[3]}, otherwise F.",
                f"{cutoffs[0]}/{cutoffs[1]}/{cutoffs[2]}/{cutoffs[3]} for A/B/C/D, below is F.",
            ),
            fact(
                "plus",
                ("plus", "minus", "modifiers", "suffix"),
                "Are there plus or minus grades?",
                "Add a '+' when the last digit of the weighted score is 7 or more (not for F)."
                if plus
                else "No plus or minus, just the letter.",
                "Grades like 'B+' exist." if plus else "Plain letters only.",
            ),
        ),
    )


@family("ranking.leaderboard")
def leaderboard(rng) -> CodingTask:
    time_tiebreak = bool(rng.integers(2))
    top = pick(rng, (None, *range(1, 16)))
    drop_zero = bool(rng.integers(2))
    tie = "e[2]" if time_tiebreak else "e[0]"
    keep = "if e[1] > 0" if drop_zero else ""
    cut = f"[:{top}]" if top else ""
    reference = f"""def leaderboard(entries):
    ranked = sorted((e for e in entries {keep}), key=lambda e: (-e[1], {tie}, e[0]))
    return [e[0] for e in ranked]{cut}
"""
    base = [
        ("ana", 30, 120.5),
        ("ben", 45, 99.0),
        ("cy", 30, 110.0),
        ("dee", 0, 50.0),
        ("eli", 45, 130.0),
        ("fay", 10, 200.0),
        ("gus", 30, 100.0),
    ]
    calls = [
        (base,),
        ([],),
        (base[:3],),
        ([("x", 0, 1.0)],),
        ([("b", 5, 2.0), ("a", 5, 2.0)],),
        (base[::-1],),
        ([("p", 1, 9.0), ("q", 1, 3.0), ("r", 1, 6.0)],),
        (base[3:],),
        ([("m", 7, 1.0), ("n", 0, 0.5), ("o", 7, 0.5), ("k", 2, 3.0)],),
        ([(n, 10, float(i)) for i, n in enumerate("zyxwvu")],),
        (base[1:5],),
        ([(f"p{i:02d}", i * 7 % 13, float(i % 5)) for i in range(20)],),
    ]
    return CodingTask(
        "ranking.leaderboard",
        "leaderboard",
        "def leaderboard(entries: list[tuple[str, int, float]]) -> list[str]",
        "Write me the leaderboard for our quiz: entries are (name, points, seconds taken).",
        reference,
        tuple(calls),
        (
            fact(
                "ties",
                (*TIE_WORDS, "same points"),
                "How are ties on points broken?",
                "Faster time wins a tie, then name."
                if time_tiebreak
                else "Ties on points go alphabetically by name.",
                "Less time taken ranks higher among equal points."
                if time_tiebreak
                else "Alphabetical among equal points; time doesn't matter.",
            ),
            fact(
                "top",
                ("top", "how many", "show", "length", "limit", "all"),
                "How many entries should be shown?",
                f"Only the top {top}." if top else "Everyone, no limit.",
                f"Return at most {top} names." if top else "Show all names.",
            ),
            fact(
                "zero",
                ("zero", "no points", "nothing", "0 points"),
                "Do people with zero points appear?",
                "Leave out people with 0 points." if drop_zero else "Yes, include them.",
                "Zero points means not listed." if drop_zero else "Zero scorers are listed.",
            ),
        ),
    )


@family("ranking.trimmed_score")
def trimmed_score(rng) -> CodingTask:
    drop = int(rng.integers(0, 5))
    use_median = bool(rng.integers(2))
    digits = int(rng.integers(0, 4))
    empty_none = bool(rng.integers(2))
    body = (
        "    mid = len(kept) // 2\n    value = kept[mid] if len(kept) % 2 else "
        "(kept[mid - 1] + kept[mid]) / 2"
        if use_median
        else "    value = sum(kept) / len(kept)"
    )
    empty = "return None" if empty_none else "return 0.0"
    reference = f"""def judge_score(scores):
    kept = sorted(scores)
    if {drop}:
        kept = kept[{drop}:-{drop}] if len(kept) > 2 * {drop} else []
    if not kept:
        {empty}
{body}
    return round(float(value), {digits})
"""
    calls = [
        ([9.5, 8.0, 9.0, 7.5, 10.0],),
        ([5.0],),
        ([],),
        ([1, 2, 3, 4],),
        ([6.5, 6.5, 9.9, 2.1, 7.7, 8.8],),
        ([10, 10, 10],),
        ([3.3, 4.4],),
        ([7.25, 8.75, 9.5, 6.0, 8.0, 7.0, 9.0],),
        ([1, 100, 2, 99, 3],),
        ([4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7, 4.8],),
        ([0, 0, 10, 10, 5],),
        ([1.5, 9.25, 3.125, 7.0, 2.0, 8.5, 6.75, 4.0, 5.5, 10.0, 0.5, 7.875],),
    ]
    return CodingTask(
        "ranking.trimmed_score",
        "judge_score",
        "def judge_score(scores: list[float]) -> float | None",
        "Our competition has judges' scores per performance. Can you compute the final score?",
        reference,
        tuple(calls),
        (
            fact(
                "drop",
                ("drop", "extremes", "highest", "lowest", "outliers", "discard"),
                "Are the highest and lowest scores dropped?",
                f"Drop the {drop} highest and {drop} lowest scores first."
                if drop
                else "Keep every score.",
                f"Discard {drop} from each end." if drop else "No trimming.",
            ),
            fact(
                "average",
                ("average", "mean", "median", "combine", "middle"),
                "Should I take the average, mean or median?",
                "Take the median." if use_median else "Take the mean.",
                "Middle value (mean of the two middle ones if even)."
                if use_median
                else "Plain average.",
            ),
            fact(
                "digits",
                ("round", "rounding", "decimals", "decimal", "precision"),
                "How many decimals, what rounding?",
                f"Round to {digits} decimal(s).",
                f"{digits} digit(s) after the point.",
            ),
            fact(
                "empty",
                ("empty", "no scores", "too few", "not enough", "nothing left"),
                "What if there are no scores left?",
                "Return None." if empty_none else "Return 0.0.",
                "Nothing to score gives None." if empty_none else "Then the score is 0.0.",
            ),
        ),
    )


@family("ranking.top_k_by_ratio")
def top_k_by_ratio(rng) -> CodingTask:
    min_votes = int(rng.integers(0, 21))
    k = int(rng.integers(1, 9))
    laplace = bool(rng.integers(2))
    ratio = "(up + 1) / (up + down + 2)" if laplace else "up / (up + down) if up + down else 0.0"
    reference = f"""def best_items(votes):
    scored = []
    for name, (up, down) in votes.items():
        if up + down < {min_votes}:
            continue
        scored.append((-({ratio}), -(up + down), name))
    return [name for _, _, name in sorted(scored)[:{k}]]
"""
    base = {
        "tea": (8, 2),
        "coffee": (40, 10),
        "juice": (1, 0),
        "water": (5, 5),
        "soda": (0, 3),
        "milk": (9, 1),
    }
    calls = [
        (base,),
        ({},),
        ({"a": (3, 3), "b": (3, 3)},),
        ({"x": (100, 0), "y": (1, 0)},),
        ({"p": (10, 0), "q": (9, 0), "r": (20, 1)},),
        ({"solo": (0, 0)},),
        ({"m": (4, 4), "n": (6, 6), "o": (2, 2)},),
        ({"big": (50, 50), "small": (2, 3)},),
        ({"u": (7, 3), "v": (14, 6), "w": (21, 9), "z": (1, 1)},),
        ({"e": (12, 0), "f": (5, 0), "g": (11, 1)},),
        (dict(list(base.items())[2:]),),
    ]
    return CodingTask(
        "ranking.top_k_by_ratio",
        "best_items",
        "def best_items(votes: dict[str, tuple[int, int]]) -> list[str]",
        "We collect thumbs up and down per item. Can you pick the best ones?",
        reference,
        tuple(calls),
        (
            fact(
                "score",
                ("score", "ratio", "rate", "measure", "compute", "how good"),
                "How do you compute the score?",
                "Score = (up + 1) / (up + down + 2), a smoothed ratio."
                if laplace
                else "Score = share of thumbs up, up / (up + down); 0 with no votes.",
                "Add one fake up and one fake down vote, then take the ratio."
                if laplace
                else "Plain fraction of up votes.",
            ),
            fact(
                "minimum",
                ("minimum", "at least", "few votes", "enough votes", "threshold", "minimum number"),
                "Do items need a minimum number of votes?",
                f"Only items with at least {min_votes} votes in total count."
                if min_votes
                else "No minimum; every item counts.",
                f"Ignore items with fewer than {min_votes} votes."
                if min_votes
                else "All items count.",
            ),
            fact(
                "k",
                ("how many", "top", "number of"),
                "How many items should it return?",
                f"The best {k}.",
                f"Return {k} names at most.",
            ),
            fact(
                "ties",
                TIE_WORDS,
                "How are ties broken?",
                "On equal score, more votes first, then alphabetical.",
                "Ties: larger vote count wins, then by name.",
            ),
        ),
    )
