"""Grid utilities."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

GRID_A = ["#..#", "##..", "...#", "#.##"]
GRID_B = ["#.#.#", ".#.#.", "#.#.#"]
DIAGONAL_WORDS = ("diagonal", "diagonally", "connected", "touching", "neighbours", "neighbors")


@family("grids.count_islands")
def count_islands(rng) -> CodingTask:
    land = pick(rng, ("#", "1", "X"))
    diagonal = bool(rng.integers(2))
    min_size = pick(rng, (1, 2))
    steps = (
        "[(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]"
        if diagonal
        else "[(-1, 0), (1, 0), (0, -1), (0, 1)]"
    )
    reference = f"""def count_islands(grid):
    seen = set()
    count = 0
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell != {land!r} or (r, c) in seen:
                continue
            stack, size = [(r, c)], 0
            seen.add((r, c))
            while stack:
                y, x = stack.pop()
                size += 1
                for dy, dx in {steps}:
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < len(grid) and 0 <= nx < len(grid[ny]) and \\
                            grid[ny][nx] == {land!r} and (ny, nx) not in seen:
                        seen.add((ny, nx))
                        stack.append((ny, nx))
            count += size >= {min_size}
    return count
"""

    def draw(grid):
        return [row.replace("#", land) for row in grid]

    calls = [
        (draw(GRID_A),),
        (draw(GRID_B),),
        ([],),
        (draw(["...."]),),
        (draw(["#"]),),
        (draw(["##", "##"]),),
        (draw(["#.", ".#"]),),
        (draw(["#...#", ".....", "#...#"]),),
        (draw(["###", "#.#", "###"]),),
        (["#1X", "X1#", "1X#"],),
        (draw(["#.#", "...", "##."]),),
    ]
    return CodingTask(
        "grids.count_islands",
        "count_islands",
        "def count_islands(grid: list[str]) -> int",
        "I have maps as lists of strings. Can you count the islands?",
        reference,
        tuple(calls),
        (
            fact(
                "land",
                ("land", "character", "symbol", "which cells", "water"),
                "Which character is land?",
                f"Land is '{land}'; anything else is water.",
                f"Only '{land}' cells are land.",
            ),
            fact(
                "diagonal",
                DIAGONAL_WORDS,
                "Do diagonal cells connect?",
                "Yes, cells touching diagonally are the same island."
                if diagonal
                else "No, only up, down, left and right connect.",
                "8-neighbourhood." if diagonal else "4-neighbourhood.",
            ),
            fact(
                "size",
                ("size", "single", "tiny", "small", "minimum", "one cell"),
                "Does a single cell count, or is there a minimum size?",
                "Yes, any size counts."
                if min_size == 1
                else "No, an island needs at least 2 cells.",
                "Even one cell is an island." if min_size == 1 else "Ignore one-cell islands.",
            ),
        ),
    )


@family("grids.neighbour_sum")
def neighbour_sum(rng) -> CodingTask:
    diagonal = bool(rng.integers(2))
    include_self = bool(rng.integers(2))
    wrap = bool(rng.integers(2))
    steps = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if diagonal:
        steps += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    if include_self:
        steps += [(0, 0)]
    inside = (
        "        total += grid[(r + dr) % h][(c + dc) % w]"
        if wrap
        else "        if 0 <= r + dr < h and 0 <= c + dc < w:\n"
        "            total += grid[r + dr][c + dc]"
    )
    reference = f"""def neighbour_sum(grid, r, c):
    h, w = len(grid), len(grid[0])
    total = 0
    for dr, dc in {steps!r}:
{inside}
    return total
"""
    g = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    g2 = [[1, 0, 2, 0], [0, 3, 0, 4]]
    calls = [
        (g, 1, 1),
        (g, 0, 0),
        (g, 2, 2),
        (g, 0, 1),
        (g, 2, 0),
        (g2, 0, 0),
        (g2, 1, 3),
        (g2, 0, 2),
        ([[7]], 0, 0),
        ([[1, 1], [1, 1]], 0, 1),
        (g, 1, 2),
    ]
    return CodingTask(
        "grids.neighbour_sum",
        "neighbour_sum",
        "def neighbour_sum(grid: list[list[int]], r: int, c: int) -> int",
        "For a number grid I need the sum around a cell. Can you write that?",
        reference,
        tuple(calls),
        (
            fact(
                "diagonal",
                ("diagonal", "diagonals", "corners", "eight", "four"),
                "Do diagonal neighbours count?",
                "Yes, all eight surrounding cells."
                if diagonal
                else "No, just the four cells up, down, left and right.",
                "Include diagonals." if diagonal else "No diagonals.",
            ),
            fact(
                "self",
                ("itself", "own value", "center", "centre", "include the cell"),
                "Does the cell itself count?",
                "Yes, add the cell's own value too."
                if include_self
                else "No, only its neighbours.",
                "The centre is included." if include_self else "Leave out the centre.",
            ),
            fact(
                "edges",
                ("edge", "edges", "border", "outside", "wrap", "around"),
                "What happens at the edges?",
                "The grid wraps around, like a torus."
                if wrap
                else "Cells outside the grid don't exist, so they add nothing.",
                "Wrap around the borders." if wrap else "No wrapping.",
            ),
        ),
    )


@family("grids.rotate")
def rotate(rng) -> CodingTask:
    clockwise = bool(rng.integers(2))
    as_strings = bool(rng.integers(2))
    turn = (
        "[list(row) for row in zip(*grid[::-1])]"
        if clockwise
        else "[list(row) for row in zip(*grid)][::-1]"
    )
    out = '["".join(map(str, row)) for row in grid]' if as_strings else "grid"
    reference = f"""def rotate(grid, turns):
    grid = [list(row) for row in grid]
    for _ in range(turns % 4):
        grid = {turn}
    return {out}
"""
    calls = [
        (["ab", "cd"], 1),
        (["ab", "cd"], 2),
        (["ab", "cd"], 3),
        (["ab", "cd"], 4),
        (["abc", "def"], 1),
        (["abc"], 1),
        ([], 1),
        (["ab", "cd"], 0),
        (["xy", "zw"], -1),
        (["123", "456", "789"], 1),
        (["abc", "def"], 5),
    ]
    return CodingTask(
        "grids.rotate",
        "rotate",
        "def rotate(grid: list[str], turns: int) -> list",
        "I need to rotate tile maps (lists of strings) by quarter turns.",
        reference,
        tuple(calls),
        (
            fact(
                "direction",
                (
                    "direction",
                    "clockwise",
                    "counterclockwise",
                    "anticlockwise",
                    "which way",
                    "left",
                    "right",
                ),
                "Which way does a turn go?",
                "Each turn is a quarter turn clockwise."
                if clockwise
                else "Each turn is a quarter turn counter-clockwise.",
                "Rotate to the right." if clockwise else "Rotate to the left.",
            ),
            fact(
                "format",
                ("return", "format", "output", "strings", "lists"),
                "What should it return?",
                "A list of strings, like the input."
                if as_strings
                else "A list of lists of single characters.",
                "Rows as strings." if as_strings else "Rows as lists of characters.",
            ),
            fact(
                "turns",
                ("negative", "more than", "four", "turns", "zero"),
                "What about negative turns or more than four?",
                "Turns work modulo 4, so -1 is three turns.",
                "Take turns modulo 4.",
            ),
        ),
    )


@family("grids.robot_walk")
def robot_walk(rng) -> CodingTask:
    up_positive = bool(rng.integers(2))
    ignore_invalid = bool(rng.integers(2))
    as_list = bool(rng.integers(2))
    dy = 1 if up_positive else -1
    bad = "continue" if ignore_invalid else "raise ValueError(move)"
    out = "[x, y]" if as_list else "(x, y)"
    reference = f"""def walk(moves):
    x = y = 0
    steps = {{"U": (0, {dy}), "D": (0, {-dy}), "L": (-1, 0), "R": (1, 0)}}
    for move in moves.upper():
        if move not in steps:
            {bad}
        x, y = x + steps[move][0], y + steps[move][1]
    return {out}
"""
    calls = [
        ("UUR",),
        ("",),
        ("LLDD",),
        ("udlr",),
        ("UUUUD",),
        ("RRRRL",),
        ("U D",),
        ("UXR",),
        ("DDDR",),
        ("lluu",),
        ("RURDLDLU",),
    ]
    return CodingTask(
        "grids.robot_walk",
        "walk",
        "def walk(moves: str) -> tuple[int, int]",
        "A robot gets a string of moves like 'UURDL'. Where does it end up?",
        reference,
        tuple(calls),
        (
            fact(
                "axis",
                ("up", "axis", "y", "coordinate", "coordinates", "increase"),
                "Does moving up increase or decrease y?",
                "Up increases y (maths style)."
                if up_positive
                else "Up decreases y (screen style, y grows downward).",
                "U is +1 on y." if up_positive else "U is -1 on y.",
            ),
            fact(
                "invalid",
                ("invalid", "other characters", "unknown", "spaces", "lowercase", "letters"),
                "What about unknown or invalid characters?",
                "Moves are case-insensitive; skip any other character."
                if ignore_invalid
                else "Moves are case-insensitive; any other character raises ValueError.",
                "Ignore junk characters." if ignore_invalid else "Reject junk characters.",
            ),
            fact(
                "format",
                ("return", "format", "output", "tuple", "list"),
                "What should it return?",
                "A list [x, y]." if as_list else "A tuple (x, y).",
                "Return a two-item list." if as_list else "Return a pair as a tuple.",
            ),
        ),
    )


@family("grids.flood_fill")
def flood_fill(rng) -> CodingTask:
    diagonal = bool(rng.integers(2))
    count_only = bool(rng.integers(2))
    steps = (
        "[(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]"
        if diagonal
        else "[(-1, 0), (1, 0), (0, -1), (0, 1)]"
    )
    result = "len(seen)" if count_only else "out"
    reference = f"""def flood_fill(grid, r, c, colour):
    out = [list(row) for row in grid]
    old = out[r][c]
    if old == colour:
        return {"0" if count_only else "out"}
    seen = {{(r, c)}}
    stack = [(r, c)]
    while stack:
        y, x = stack.pop()
        out[y][x] = colour
        for dy, dx in {steps}:
            ny, nx = y + dy, x + dx
            if 0 <= ny < len(out) and 0 <= nx < len(out[0]) and out[ny][nx] == old \\
                    and (ny, nx) not in seen:
                seen.add((ny, nx))
                stack.append((ny, nx))
    return {result}
"""
    g = [[0, 0, 1], [0, 1, 1], [1, 0, 0]]
    calls = [
        (g, 0, 0, 2),
        (g, 2, 2, 5),
        (g, 1, 1, 1),
        (g, 0, 2, 0),
        ([[3]], 0, 0, 4),
        ([[1, 1], [1, 1]], 1, 1, 9),
        ([[0, 1], [1, 0]], 0, 0, 7),
        (g, 2, 0, 8),
        ([[5, 5, 5], [5, 0, 5], [5, 5, 5]], 1, 1, 5),
        ([[2, 0, 2], [0, 2, 0]], 0, 0, 3),
        ([[0, 0, 0, 0]], 0, 3, 1),
    ]
    return CodingTask(
        "grids.flood_fill",
        "flood_fill",
        "def flood_fill(grid: list[list[int]], r: int, c: int, colour: int)",
        "I'm writing a paint program and need the bucket fill tool.",
        reference,
        tuple(calls),
        (
            fact(
                "diagonal",
                (*DIAGONAL_WORDS, "spread"),
                "Does the fill spread diagonally?",
                "Yes, it spreads to all 8 neighbours."
                if diagonal
                else "No, only up, down, left and right.",
                "Diagonal cells get filled too." if diagonal else "No diagonal spreading.",
            ),
            fact(
                "result",
                ("return", "result", "output", "count", "new grid"),
                "What should the function return?",
                "The number of cells that changed colour."
                if count_only
                else "A new grid (list of lists) with the fill applied; don't change the input.",
                "Just how many cells were filled." if count_only else "The filled copy.",
            ),
            fact(
                "same",
                ("same colour", "same color", "already", "nothing to do"),
                "What if the cell already has the new colour?",
                (
                    "Then nothing changes: return 0."
                    if count_only
                    else "Then nothing changes: return an unchanged copy."
                ),
                "Nothing happens in that case.",
            ),
        ),
    )
