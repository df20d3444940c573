"""Scoring and ranking."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

TIE_WORDS = ("tie", "ties", "tied", "same score", "equal")


@family("ranking.competition_ranks")
def competition_ranks(rng) -> CodingTask:
    """Tie style (standard, dense, modified), direction, an optional cut a score must make
    (1 to 60) and an optional number of ranks shown (1 to 10); scores without a rank get 0 or
    -1."""
    style = pick(rng, ("standard", "dense", "modified"))
    lower_better = bool(rng.integers(2))
    cut = pick(rng, (None, *range(1, 61)))
    shown = pick(rng, (None, *range(1, 11)))
    unranked = pick(rng, (0, -1))
    key = "s" if lower_better else "-s"
    rank_expr = {
        "standard": "1 + sum(1 for o in field if better(o, s))",
        "dense": "1 + len({o for o in field if better(o, s)})",
        "modified": "sum(1 for o in field if not better(s, o))",
    }[style]
    makes = None if cut is None else f"s {'<=' if lower_better else '>='} {cut}"
    field = f"[s for s in scores if {makes}]" if makes else "scores"
    limits = [c for c in (makes, shown and f"rank <= {shown}") if c]
    if limits:
        result = f"rank if {' and '.join(limits)} else {unranked}"
        loop = f"""    out = []
    for s in scores:
        rank = {rank_expr}
        out.append({result})
    return out
"""
    else:
        loop = f"    return [{rank_expr} for s in scores]\n"
    reference = f"""def ranks(scores):
    def better(a, b):
        return {key.replace("s", "a")} < {key.replace("s", "b")}

    field = {field}
{loop}"""
    c = 30 if cut is None else cut
    spread = (5, -2, 0, 11, -7, 3, 3, -12, 8, 1, -1, 6, -5, 10, 0, -9, 2, 12, -3, 7, -11, 4)
    calls = [
        ([10, 20, 20, 30],),
        ([5],),
        ([],),
        ([3, 3, 3],),
        ([1, 2, 3, 4],),
        ([100, 90, 90, 80, 70, 70, 70],),
        ([7, 1, 7, 1],),
        ([0, -1, -1, 5],),
        ([50, 60, 50, 60, 55],),
        ([c - 1, c, c + 1, c + 1, c - 2],),
        ([c, c, c - 1, c + 2, c + 2, c + 2],),
        ([c + d for d in spread],),
        ([c + d // 2 for d in spread],),
    ]
    described = {
        "standard": "Tied players share the best rank and the next rank skips, like 1, 2, 2, 4.",
        "dense": "Tied players share a rank and the next rank does not skip, like 1, 2, 2, 3.",
        "modified": "Tied players share the worst of their ranks, like 1, 3, 3, 4.",
    }[style]
    if cut is None:
        cut_says = ("There's no cut: every score gets ranked.", "No qualifying score needed.")
    else:
        side = "or lower" if lower_better else "or higher"
        miss = "above" if lower_better else "below"
        cut_says = (
            f"Only scores of {cut} {side} make the cut; a score {miss} {cut} gets {unranked} "
            "as its rank and doesn't count when ranking the others.",
            f"The cut is {cut} ({side} qualifies); players who miss it get {unranked}.",
        )
    if shown is None:
        shown_says = ("Show every rank, however low.", "All ranks are reported.")
    else:
        shown_says = (
            f"Only ranks 1 to {shown} are reported; a rank of {shown + 1} or more becomes "
            f"{unranked}.",
            f"Just the top {shown} ranks; lower ranks are replaced by {unranked}.",
        )
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
                "cut",
                ("cut", "qualify", "qualifying", "make the cut", "minimum score", "eliminated"),
                "Is there a cut a score must make to qualify for a rank?",
                *cut_says,
            ),
            fact(
                "shown",
                ("top", "how many ranks", "ranks shown", "reported", "podium", "only the first"),
                "Are only the top few ranks reported?",
                *shown_says,
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
    """Tie-break (time then name, name, entry order), a minimum of 0 to 20 points to appear, an
    optional limit of 1 to 25 entries and the line format (name, with points, numbered)."""
    tiebreak = pick(rng, ("time", "name", "entry"))
    top = pick(rng, (None, *range(1, 26)))
    min_points = int(rng.integers(0, 21))
    line = pick(rng, ("{e[0]}", "{e[0]} ({e[1]})", "{e[0]}: {e[1]}", "{i}. {e[0]}"))
    key = {"time": "(-e[1], e[2], e[0])", "name": "(-e[1], e[0])", "entry": "-e[1]"}[tiebreak]
    keep = f"(e for e in entries if e[1] >= {min_points})" if min_points else "entries"
    cut = f"[:{top}]" if top else ""
    if line == "{e[0]}":
        lines = "[e[0] for e in ranked]"
    elif "{i}" in line:
        lines = f'[f"{line}" for i, e in enumerate(ranked, 1)]'
    else:
        lines = f'[f"{line}" for e in ranked]'
    reference = f"""def leaderboard(entries):
    ranked = sorted({keep}, key=lambda e: {key})
    return {lines}{cut}
"""
    m = min_points
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
        ([("bo", m + 2, 2.0), ("al", m + 2, 3.0), ("cy", m + 2, 1.0), ("di", m, 5.0)],),
        ([("m", m + 1, 1.0), ("n", max(m - 1, 0), 0.5), ("o", m, 0.5), ("k", m + 3, 3.0)],),
        ([(n, m + 10, float(i)) for i, n in enumerate("zyxwvu")],),
        ([(f"p{i:02d}", m + i * 7 % 13, float(i % 5)) for i in range((top or 10) + 4)],),
        ([(f"q{i:02d}", m - 2 + i % 6, float(9 - i % 4)) for i in range((top or 8) + 6)],),
    ]
    looks = line.format(e=("ana", 30), i=1)
    points = f"{min_points} point{'s' if min_points > 1 else ''}"
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
                {
                    "time": "Faster time wins a tie, then name.",
                    "name": "Ties on points go alphabetically by name.",
                    "entry": "Ties on points keep the order the entries came in.",
                }[tiebreak],
                {
                    "time": "Less time taken ranks higher among equal points.",
                    "name": "Alphabetical among equal points; time doesn't matter.",
                    "entry": "Among equal points, whoever is earlier in the input comes first.",
                }[tiebreak],
            ),
            fact(
                "top",
                ("top", "how many", "show", "length", "limit", "all"),
                "How many entries should be shown?",
                f"Only the top {top}." if top else "Everyone, no limit.",
                f"Return at most {top} lines." if top else "Show all of them.",
            ),
            fact(
                "minimum",
                ("zero", "no points", "nothing", "0 points", "minimum", "at least", "few points"),
                "Do people need a minimum number of points to appear?",
                f"Only people with at least {points} are listed."
                if min_points
                else "Everyone is listed, even with 0 points.",
                f"Fewer than {points} means not listed."
                if min_points
                else "Zero scorers are listed too.",
            ),
            fact(
                "line",
                ("format", "line", "each entry", "look like", "display", "output"),
                "What should each line of the output look like?",
                f"Each line looks like '{looks}' for ana with 30 points in first place.",
                {
                    "{e[0]}": "Just the name, nothing else.",
                    "{e[0]} ({e[1]})": "The name, then the points in brackets.",
                    "{e[0]}: {e[1]}": "The name, a colon and a space, then the points.",
                    "{i}. {e[0]}": "The place number, a dot and a space, then the name.",
                }[line],
            ),
        ),
    )


@family("ranking.trimmed_score")
def trimmed_score(rng) -> CodingTask:
    """Drops 0 to 4 lowest and 0 to 4 highest scores, combines the rest (mean, median, sum),
    rounds to 0 to 4 decimals; too few left (1 to 4 needed) gives None, 0.0 or a ValueError."""
    drop_low, drop_high = int(rng.integers(0, 5)), int(rng.integers(0, 5))
    combine = pick(rng, ("mean", "median", "sum"))
    digits = int(rng.integers(0, 5))
    need = int(rng.integers(1, 5))
    empty = pick(rng, ("None", "0.0", "error"))
    body = {
        "median": "    mid = len(kept) // 2\n    value = kept[mid] if len(kept) % 2 else "
        "(kept[mid - 1] + kept[mid]) / 2",
        "mean": "    value = sum(kept) / len(kept)",
        "sum": "    value = sum(kept)",
    }[combine]
    few = "raise ValueError(scores)" if empty == "error" else f"return {empty}"
    trim = f"[{drop_low or ''}:{-drop_high or ''}]"
    reference = f"""def judge_score(scores):
    kept = sorted(scores){trim if trim != "[:]" else ""}
    if len(kept) < {need}:
        {few}
{body}
    return round(float(value), {digits})
"""
    least = drop_low + drop_high + need
    calls = [
        ([9.5, 8.0, 9.0, 7.5, 10.0],),
        ([5.0],),
        ([],),
        ([1, 2, 3, 4],),
        ([6.5, 6.5, 9.9, 2.1, 7.7, 8.8],),
        ([10, 10, 10],),
        ([7.25, 8.75, 9.5, 6.0, 8.0, 7.0, 9.0],),
        ([1, 100, 2, 99, 3, 50, 4, 98, 5],),
        ([4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7, 4.8],),
        ([0, 0, 10, 10, 5, 1, 9, 2, 8],),
        ([1.5, 9.25, 3.125, 7.0, 2.0, 8.5, 6.75, 4.0, 5.5, 10.0, 0.5, 7.875],),
        ([(i * 37 % 23) / 4 for i in range(least - 1)],),
        ([(i * 37 % 23) / 4 for i in range(least)],),
        ([(i * 53 % 29) / 3 for i in range(least + 2)],),
    ]
    few_says = "raise a ValueError." if empty == "error" else f"return {empty}."
    left = "no scores are left" if need == 1 else f"fewer than {need} scores are left"
    dropped = " and ".join(
        f"the {n} {side} score{'s' if n > 1 else ''}"
        for n, side in ((drop_low, "lowest"), (drop_high, "highest"))
        if n
    )
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
                f"Drop {dropped} first." if dropped else "Keep every score.",
                f"Discard {drop_low} from the bottom and {drop_high} from the top."
                if dropped
                else "No trimming.",
            ),
            fact(
                "average",
                ("average", "mean", "median", "combine", "middle", "sum", "total"),
                "Should I take the average, mean or median?",
                {
                    "median": "Take the median of what's left.",
                    "mean": "Take the mean of what's left.",
                    "sum": "Add up what's left: the score is the sum, not an average.",
                }[combine],
                {
                    "median": "Middle value (mean of the two middle ones if even).",
                    "mean": "Plain average.",
                    "sum": "The total of the kept scores.",
                }[combine],
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
                "What if there are too few scores left?",
                f"If {left} after dropping, {few_says}",
                f"Fewer than {need} kept scores: {few_says}",
            ),
        ),
    )


@family("ranking.top_k_by_ratio")
def top_k_by_ratio(rng) -> CodingTask:
    """A plain or smoothed ratio, a minimum of 0 to 20 votes, an optional minimum score (30% to
    90%), 1 to 10 items and ties by more votes then name, or by name."""
    min_votes = int(rng.integers(0, 21))
    k = int(rng.integers(1, 11))
    laplace = bool(rng.integers(2))
    min_score = pick(rng, (0, *range(30, 91, 5)))
    by_votes = bool(rng.integers(2))
    ratio = "(up + 1) / (up + down + 2)" if laplace else "up / (up + down) if up + down else 0.0"
    floor = f"\n        if score < {min_score / 100}:\n            continue" if min_score else ""
    entry = "(-score, -(up + down), name)" if by_votes else "(-score, name)"
    reference = f"""def best_items(votes):
    scored = []
    for name, (up, down) in votes.items():
        if up + down < {min_votes}:
            continue
        score = {ratio}{floor}
        scored.append({entry})
    return [item[-1] for item in sorted(scored)[:{k}]]
"""
    base = {
        "tea": (8, 2),
        "coffee": (40, 10),
        "juice": (1, 0),
        "water": (5, 5),
        "soda": (0, 3),
        "milk": (9, 1),
    }
    r, n = min_score or 60, max(min_votes, 1)
    calls = [
        (base,),
        ({},),
        ({"a": (3, 3), "b": (3, 3)},),
        ({"x": (100, 0), "y": (1, 0)},),
        ({"p": (10, 0), "q": (9, 0), "r": (20, 1)},),
        ({"solo": (0, 0)},),
        ({"m": (4, 4), "n": (6, 6), "o": (2, 2)},),
        ({"u": (7, 3), "v": (14, 6), "w": (21, 9), "z": (1, 1)},),
        ({"e": (12, 0), "f": (5, 0), "g": (11, 1)},),
        ({"at": (r, 100 - r), "below": (r - 1, 101 - r), "lower": (r - 2, 102 - r)},),
        ({"c": (26, 2), "b": (35, 3), "a": (44, 4), "d": (27, 3), "e": (36, 4), "f": (45, 5)},),
        ({"few": (n - 1, 0), "enough": (n, 0), "more": (n + 1, 1), "one": (n, 1)},),
        ({f"i{j:02d}": (40 + j, j % 3) for j in range(12)},),
        (dict(list(base.items())[2:]),),
    ]
    floor_says = (
        (
            f"Only items with a score of at least {min_score}% ({min_score / 100}) are listed.",
            f"Items scoring under {min_score}% are left out.",
        )
        if min_score
        else ("No minimum score; any score can make the list.", "No score cut-off.")
    )
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
                "cutoff",
                ("cutoff", "cut-off", "lowest score", "minimum score", "good enough", "percent"),
                "Is there a minimum score an item needs to be listed?",
                *floor_says,
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
                "On equal score, more votes first, then alphabetical."
                if by_votes
                else "On equal score, alphabetical by name; the vote count doesn't matter.",
                "Ties: larger vote count wins, then by name."
                if by_votes
                else "Ties go by name only.",
            ),
        ),
    )
