"""Scheduling: slots, shifts, fees by the hour, rooms and task order."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick


@family("scheduling.free_slots")
def free_slots(rng) -> CodingTask:
    step = pick(rng, (10, 15, 20, 30, 60))
    buffer = 5 * int(rng.integers(0, 7))
    as_text = bool(rng.integers(2))
    start, end = 30 * int(rng.integers(12, 22)), 30 * int(rng.integers(32, 42))
    out = 'f"{t // 60:02d}:{t % 60:02d}"' if as_text else "t"
    reference = f"""def free_slots(busy, duration):
    slots = []
    for t in range({start}, {end} - duration + 1, {step}):
        clash = any(t < e + {buffer} and s - {buffer} < t + duration for s, e in busy)
        if not clash:
            slots.append({out})
    return slots
"""
    calls = [
        ([], 60),
        ([(600, 660)], 30),
        ([(540, 600), (720, 780)], 60),
        ([(480, 1080)], 15),
        ([(610, 615)], 45),
        ([(700, 730), (735, 760)], 30),
        ([], 240),
        ([(900, 960)], 120),
        ([(500, 505), (1000, 1010)], 60),
        ([(660, 720)], 60),
        ([(0, 2000)], 30),
    ]
    day = f"{start // 60}:{start % 60:02d} to {end // 60}:{end % 60:02d}"
    return CodingTask(
        "scheduling.free_slots",
        "free_slots",
        "def free_slots(busy: list[tuple[int, int]], duration: int) -> list",
        "I want a function that tells me when I could fit a meeting into my day.",
        reference,
        tuple(calls),
        (
            fact(
                "day",
                ("day", "hours", "working", "end", "office"),
                "What are your working hours?",
                f"My day runs from {day}; times are minutes after midnight.",
                f"Meetings must fit between {day} (busy times are given in minutes).",
            ),
            fact(
                "step",
                ("step", "granularity", "every", "start times", "quarter", "half"),
                "What granularity do start times have, every how many minutes?",
                f"Meetings start on a {step}-minute grid from the start of the day.",
                f"Offer start times every {step} minutes.",
            ),
            fact(
                "buffer",
                ("buffer", "gap", "break", "breathing", "back-to-back", "between"),
                "Do you need a gap between meetings?",
                f"Keep {buffer} minutes free before and after each busy block."
                if buffer
                else "Back-to-back is fine, no gap needed.",
                f"I need a {buffer}-minute buffer around busy times." if buffer else "No buffer.",
            ),
            fact(
                "format",
                ("format", "return", "output", "list", "hh"),
                "What output format should the list have?",
                "As 'HH:MM' strings in a list, earliest first."
                if as_text
                else "As minutes after midnight, ints in a list, earliest first.",
                "Like ['09:00', '09:30']." if as_text else "Like [540, 570].",
            ),
        ),
    )


@family("scheduling.overtime_pay")
def overtime_pay(rng) -> CodingTask:
    """Daily, weekly or combined overtime thresholds, the overtime multiplier, and whether
    weekend days (the sixth and seventh) are all overtime."""
    basis = pick(rng, ("weekly", "daily", "both"))
    multiplier = round(1 + int(rng.integers(5, 41)) / 20, 2)
    weekend = bool(rng.integers(2))
    if basis == "both":
        # A weekly limit of five full days or more would never beat the daily rule.
        daily_limit = int(rng.integers(8, 13))
        limit = int(rng.integers(30, min(49, 5 * daily_limit)))
    else:
        daily_limit = int(rng.integers(6, 13))
        limit = int(rng.integers(30, 49))
    days = "hours[:5]" if weekend else "hours"
    daily = f"sum(max(h - {daily_limit}, 0) for h in {days})"
    weekly = f"sum({days}) - {limit}"
    overtime = {
        "weekly": f"max({weekly}, 0)",
        "daily": daily,
        "both": f"max({daily}, {weekly})",
    }[basis]
    weekend_line = "    overtime += sum(hours[5:])\n" if weekend else ""
    reference = f"""def weekly_pay(hours, rate):
    overtime = {overtime}
{weekend_line}    regular = sum(hours) - overtime
    return round(regular * rate + overtime * rate * {multiplier}, 2)
"""
    d = daily_limit
    calls = [
        ([8, 8, 8, 8, 8], 20.0),
        ([10, 10, 10, 10], 15.0),
        ([12, 12, 12, 12, 2], 18.5),
        ([], 30.0),
        ([9, 9, 9, 9, 9, 9], 22.0),
        ([4, 4], 12.0),
        ([11], 10.0),
        ([8.5, 9.5, 7, 10, 6], 25.0),
        ([14, 14, 14], 19.99),
        ([7, 7, 7, 7, 7, 7, 7], 16.0),
        ([0, 16, 0, 16], 21.0),
        ([d] * 5, 20.0),
        ([d + 1] * 5, 20.0),
        ([d - 1, d + 2, d, d, d - 2], 17.5),
        ([6, 6, 6, 6, limit - 24], 14.0),
        ([6, 6, 6, 6, limit - 23], 14.0),
        ([limit // 5] * 5 + [3], 24.0),
        ([8, 8, 8, 8, 8, 5, 3], 20.0),
        ([0, 0, 0, 0, 0, 6], 30.0),
    ]
    rules = {
        "weekly": (
            f"Anything over {limit} hours in the whole week is overtime",
            f"Every hour past {limit} in the week is overtime",
        ),
        "daily": (
            f"Anything over {daily_limit} hours in a single day is overtime",
            f"Every hour past {daily_limit} in one day is overtime",
        ),
        "both": (
            f"Hours over {daily_limit} in a day are overtime, and so are hours over {limit} in "
            "the week: count whichever of the two gives more overtime hours, never both",
            f"Overtime is the larger of: hours past {daily_limit} per day, or hours past {limit} "
            "per week",
        ),
    }
    scope = " (these limits look at the first five days only)." if weekend else "."
    basis_text, basis_short = (rule + scope for rule in rules[basis])
    return CodingTask(
        "scheduling.overtime_pay",
        "weekly_pay",
        "def weekly_pay(hours: list[float], rate: float) -> float",
        "Can you write the weekly pay calculation for our staff? Overtime pays more.",
        reference,
        tuple(calls),
        (
            fact(
                "basis",
                ("counts as", "daily", "weekly", "per day", "per week", "when"),
                "When do hours count as overtime?",
                basis_text,
                basis_short,
            ),
            fact(
                "multiplier",
                ("multiplier", "how much more", "times", "premium", "rate"),
                "How much more is an overtime hour paid?",
                f"Overtime hours pay {multiplier} times the normal rate.",
                f"The overtime premium is x{multiplier}.",
            ),
            fact(
                "weekend",
                ("weekend", "saturday", "sunday", "sixth", "seventh", "days"),
                "Are weekend hours treated differently?",
                "The list starts on Monday; every hour on the sixth and seventh day (the "
                "weekend) is overtime."
                if weekend
                else "No, weekend days count like any other day.",
                "Saturday and Sunday hours are all overtime."
                if weekend
                else "Every day is treated the same.",
            ),
            fact(
                "rounding",
                ("round", "rounding", "rounded", "decimals", "cents"),
                "How should the pay be rounded?",
                "Round to two decimals.",
                "Round to cents.",
            ),
        ),
    )


@family("scheduling.parking_fee")
def parking_fee(rng) -> CodingTask:
    free = 5 * int(rng.integers(0, 7))
    block = pick(rng, (10, 15, 20, 30, 60))
    price = int(rng.integers(1, 6))
    cap = int(rng.integers(8, 61))
    reference = f"""def parking_fee(minutes):
    if minutes <= {free}:
        return 0
    days, rest = divmod(minutes, 1440)
    blocks = -(-rest // {block})
    return days * {cap} + min(blocks * {price}, {cap})
"""
    calls = [
        (0,),
        (free,),
        (free + 1,),
        (block,),
        (block + 1,),
        (3 * block,),
        (600,),
        (1439,),
        (1440,),
        (1500,),
        (3000,),
    ]
    return CodingTask(
        "scheduling.parking_fee",
        "parking_fee",
        "def parking_fee(minutes: int) -> int",
        "Could you write the fee calculation for our parking garage?",
        reference,
        tuple(calls),
        (
            fact(
                "free",
                ("free", "grace", "no charge", "short stay"),
                "Is a short stay free?",
                f"Stays of up to {free} minutes are free." if free else "Nothing is free.",
                f"The first {free} minutes cost nothing (if you leave by then)."
                if free
                else "You pay from the first minute.",
            ),
            fact(
                "block",
                ("block", "blocks", "started", "per hour", "half hour", "increment", "charged"),
                "How is time charged?",
                f"Each started {block}-minute block costs {price}.",
                f"We charge {price} per {block} minutes, rounding up.",
            ),
            fact(
                "cap",
                ("cap", "maximum", "max", "daily", "day", "whole day"),
                "Is there a daily maximum?",
                f"A day costs at most {cap}; each full 1440 minutes is a day at {cap}, the rest "
                "is charged again by blocks with the same cap.",
                f"The daily cap is {cap} per full day, and the remaining part of a day is capped "
                f"at {cap} too.",
            ),
        ),
    )


#: What a meeting that ends before it starts does: (code, how the user says it).
BACKWARD_MEETINGS = {
    "raise": (
        'raise ValueError("a meeting ends before it starts")',
        "A meeting whose end is before its start is a mistake: raise a ValueError.",
    ),
    "skip": ("continue", "Ignore any meeting whose end is before its start."),
    "swap": (
        "start, end = end, start",
        "If the end is before the start, the times were typed the wrong way round: swap them.",
    ),
}


@family("scheduling.rooms_needed")
def rooms_needed(rng) -> CodingTask:
    """Whether back-to-back meetings share a room, cleanup time, meetings too short to need a
    room, duplicated entries, and meetings that end before they start."""
    touching_ok = bool(rng.integers(2))
    cleanup = 5 * int(rng.integers(0, 13))
    shortest = int(rng.integers(5, 41)) if rng.integers(4) else 0
    dedupe = bool(rng.integers(2))
    backward = pick(rng, tuple(BACKWARD_MEETINGS))
    free_op = "<=" if touching_ok else "<"
    backward_code, backward_text = BACKWARD_MEETINGS[backward]
    lines = [
        "    booked = []",
        "    for start, end in meetings:",
        "        if end < start:",
        f"            {backward_code}",
    ]
    if shortest:
        lines += [f"        if end - start < {shortest}:", "            continue"]
    if dedupe:
        lines += ["        if (start, end) in booked:", "            continue"]
    lines.append("        booked.append((start, end))")
    collect = "\n".join(lines)
    reference = f"""def rooms_needed(meetings):
{collect}
    ends = []
    rooms = 0
    for start, end in sorted(booked):
        ends = [e for e in ends if not e + {cleanup} {free_op} start]
        ends.append(end)
        rooms = max(rooms, len(ends))
    return rooms
"""
    gap = 600 + cleanup
    short = max(shortest, 15)
    calls = [
        ([],),
        ([(9, 10)],),
        ([(540, 600), (600, 660)],),
        ([(540, 600), (605, 660)],),
        ([(540, 600), (615, 660)],),
        ([(0, 30), (10, 40), (20, 50)],),
        ([(100, 200), (150, 250), (200, 300), (250, 350)],),
        ([(60, 120), (60, 120)],),
        ([(0, 10), (10, 20), (20, 30), (30, 40)],),
        ([(500, 900), (600, 700), (910, 950)],),
        ([(300, 400), (410, 420), (420, 430)],),
        ([(540, 600), (gap, gap + 60)],),
        ([(540, 600), (gap - 1, gap + 60)],),
        ([(540, 600), (gap + 1, gap + 60), (gap + 5, gap + 90)],),
        ([(0, short - 1), (5, short + 3), (10, 10 + short)],),
        ([(200, 200 + short), (200, 200 + short - 1), (210, 200 + short)],),
        ([(60, 120), (60, 120), (90, 150), (60, 120)],),
        ([(600, 540), (550, 580)],),
        ([(700, 640), (650, 690), (660, 720)],),
        ([(480, 480), (480, 540)],),
    ]
    return CodingTask(
        "scheduling.rooms_needed",
        "rooms_needed",
        "def rooms_needed(meetings: list[tuple[int, int]]) -> int",
        "How many meeting rooms do we need for a day's meetings? Can you write that?",
        reference,
        tuple(calls),
        (
            fact(
                "touching",
                ("back-to-back", "same room", "ends", "immediately", "touching"),
                "Can a meeting start in a room the moment another one ends there?",
                (
                    "Yes, if one ends exactly when the next starts they can share a room (after "
                    "any cleanup time)."
                    if touching_ok
                    else "No, a room is still taken at the minute a meeting ends."
                ),
                "Ending at 10 and starting at 10 is fine."
                if touching_ok
                else "End time 10 and start time 10 clash.",
            ),
            fact(
                "cleanup",
                ("cleanup", "clean", "cleaning", "reset", "turnaround", "gap"),
                "Does a room need cleanup time?",
                f"Each room needs {cleanup} minutes of cleanup after a meeting."
                if cleanup
                else "No cleanup time is needed.",
                f"Add {cleanup} minutes after each meeting before the room is free."
                if cleanup
                else "Rooms are free right away.",
            ),
            fact(
                "units",
                ("minutes", "units", "times", "format"),
                "What units are the times in?",
                "Start and end times are minutes of the day, as (start, end) pairs.",
                "Each meeting is a (start, end) pair in minutes.",
            ),
            fact(
                "short",
                ("short", "stand-up", "quick", "desk", "brief", "need a room"),
                "Do short meetings like stand-ups need a room?",
                f"Meetings lasting less than {shortest} minutes happen at a desk: they need no "
                "room."
                if shortest
                else "Every meeting needs a room, however short.",
                f"Anything under {shortest} minutes doesn't count."
                if shortest
                else "Even a zero-minute meeting counts.",
            ),
            fact(
                "duplicates",
                ("duplicate", "duplicates", "twice", "listed twice", "same meeting", "repeated"),
                "What if the same meeting is listed twice?",
                "The calendar export repeats entries: the same (start, end) pair counts once."
                if dedupe
                else "Identical (start, end) pairs are separate meetings, each needing a room.",
                "Count repeated pairs once." if dedupe else "Two identical pairs are two meetings.",
            ),
            fact(
                "backward",
                ("backwards", "wrong way", "invalid", "reversed", "swapped", "negative"),
                "What if a meeting's times are reversed or invalid?",
                backward_text,
                backward_text.replace("end is before", "end comes before"),
            ),
        ),
    )


#: Orders among tasks of equal priority: (sort key part, how the user says it, short version).
TASK_TIES = (
    ("t[2]", "the task with fewer minutes left goes first", "Shortest first"),
    ("-t[2]", "the task with more minutes left goes first", "Longest first"),
    (None, None, "Minutes don't matter"),
)
#: What happens to finished tasks (0 minutes left).
DONE_RULES = ("drop", "keep", "last")


@family("scheduling.task_order")
def task_order(rng) -> CodingTask:
    """Priority direction, tie-breaks (minutes left, then name or input order), finished tasks,
    a day's time budget (stop or skip at the first task that doesn't fit) and a task count."""
    high_first = bool(rng.integers(2))
    tie, tie_text, tie_short = pick(rng, TASK_TIES)
    by_name = bool(rng.integers(2))
    done = pick(rng, DONE_RULES)
    budget = 5 * int(rng.integers(6, 121)) if rng.integers(4) else None
    skip_misfits = bool(rng.integers(2))
    most = pick(rng, (None, None, 3, 4, 5, 6))
    key = ["t[2] == 0"] * (done == "last") + ["-t[1]" if high_first else "t[1]"]
    key += [tie] * (tie is not None) + ["t[0]"] * by_name
    source = "(t for t in tasks if t[2] > 0)" if done == "drop" else "tasks"
    order = f"({', '.join(key)})" if len(key) > 1 else key[0]
    lines = [f"    ordered = sorted({source}, key=lambda t: {order})"]
    if budget is None:
        lines.append("    plan = [t[0] for t in ordered]")
    else:
        lines += [
            "    plan, used = [], 0",
            "    for name, _, minutes in ordered:",
            f"        if used + minutes > {budget}:",
            "            continue" if skip_misfits else "            break",
            "        used += minutes",
            "        plan.append(name)",
        ]
    lines.append(f"    return plan[:{most}]" if most else "    return plan")
    body = "\n".join(lines)
    reference = f"""def task_order(tasks):
{body}
"""
    base = [
        ("write", 2, 30),
        ("test", 1, 20),
        ("deploy", 3, 10),
        ("review", 2, 15),
        ("docs", 1, 0),
        ("plan", 3, 45),
    ]
    fit = budget or 120
    calls = [
        (base,),
        ([],),
        (base[:2],),
        ([("a", 1, 5), ("b", 1, 5)],),
        ([("z", 2, 0), ("y", 2, 10)],),
        (base[::-1],),
        ([("solo", 5, 1)],),
        ([("x", 1, 30), ("w", 1, 10), ("v", 2, 20)],),
        ([("done", 4, 0)],),
        ([("c", 2, 10), ("b", 2, 10), ("a", 2, 5)],),
        (base[2:],),
        ([("zeta", 1, 25), ("alpha", 1, 40), ("mid", 1, 25), ("beta", 2, 0), ("omega", 2, 5)],),
        ([(f"t{i}", i % 3 + 1, 10 * (i % 4)) for i in range(9)],),
        ([("big", 3, fit - 10), ("mid", 2, 15), ("tiny", 1, 10)],),
        ([("big", 1, fit - 10), ("mid", 2, 15), ("tiny", 3, 10)],),
        ([("exact", 2, fit)],),
        ([("over", 2, fit + 5), ("after", 1, 5)],),
        ([("one", 2, fit // 2), ("two", 2, fit // 2), ("three", 2, 5), ("zero", 1, 0)],),
    ]
    name_tie = "by name" if by_name else "in the order they were given"
    if tie_text:
        ties_text = f"Among equal priorities {tie_text}, then {name_tie}."
    else:
        ties_text = f"Minutes left don't matter: equal priorities go {name_tie}."
    if budget is None:
        budget_text = budget_short = "There's no time limit: list every task."
    else:
        budget_text = (
            f"I have {budget} minutes: go down the order and skip any task that no longer fits "
            "in the time left, carrying on with the next ones."
            if skip_misfits
            else f"I have {budget} minutes: go down the order while the tasks fit and stop at "
            "the first one that would go over."
        )
        budget_short = f"Total minutes of the listed tasks stay within {budget}."
    return CodingTask(
        "scheduling.task_order",
        "task_order",
        "def task_order(tasks: list[tuple[str, int, int]]) -> list[str]",
        "I have a list of tasks (name, priority, minutes left). In what order should I do them?",
        reference,
        tuple(calls),
        (
            fact(
                "priority",
                ("priority", "priorities", "important", "urgent", "higher", "lower"),
                "Does a higher priority number mean more urgent?",
                "A bigger priority number goes first."
                if high_first
                else "Priority 1 is the most urgent, so smaller numbers go first.",
                "Sort by priority, highest number first."
                if high_first
                else "Sort by priority, lowest number first.",
            ),
            fact(
                "ties",
                ("tie", "ties", "same priority", "equal"),
                "What if two tasks tie on the same priority?",
                ties_text,
                f"{tie_short} within a priority, then {name_tie}.",
            ),
            fact(
                "done",
                ("done", "finished", "zero", "completed", "no time"),
                "What about tasks with zero minutes left?",
                {
                    "drop": "Tasks with 0 minutes left are done: leave them out.",
                    "keep": "Keep every task, even those with 0 minutes left, sorted like the "
                    "others.",
                    "last": "Tasks with 0 minutes left go after all the others, in the same order "
                    "among themselves.",
                }[done],
                {
                    "drop": "Drop finished tasks.",
                    "keep": "List finished ones too.",
                    "last": "Finished ones go to the end.",
                }[done],
            ),
            fact(
                "budget",
                ("budget", "time limit", "how much time", "available", "fit", "today"),
                "Is there a time budget for the day, and what if a task doesn't fit?",
                budget_text,
                budget_short,
            ),
            fact(
                "count",
                ("how many", "at most", "number of tasks", "cap", "maximum"),
                "Is there a maximum number of tasks to list?",
                f"List at most {most} tasks: cut the final list after the first {most}."
                if most
                else "No maximum number of tasks.",
                f"Never more than {most} names." if most else "As many as there are.",
            ),
        ),
    )
