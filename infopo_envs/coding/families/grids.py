"""Grid utilities.

Each family draws its hidden rules from integer ranges where a user would have a number in
mind (island sizes, a neighbourhood radius, a fill tolerance, a start position, wall limits)
and from the labels and edge cases a real tool must settle (land characters, padding, output
format). Test inputs are built from the drawn numbers so they sit on both sides of each limit.
"""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

GRID_A = ["#..#", "##..", "...#", "#.##"]
GRID_B = ["#.#.#", ".#.#.", "#.#.#"]
DIAGONAL_WORDS = ("diagonal", "diagonally", "connected", "touching", "neighbours", "neighbors")
LAND_CHARS = ("#", "1", "X", "@", "*", "L", "o", "+", "=", "%")
KING_STEPS = "[(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]"
ROOK_STEPS = "[(-1, 0), (1, 0), (0, -1), (0, 1)]"


def _strip(sizes: list[int], land: str, framed: bool) -> list[str]:
    """One horizontal island per row, separated by water rows; ``framed`` keeps every island
    off the map's edge, otherwise each touches the left (and the first, the top) edge."""
    width = max(sizes, default=0) + 2
    rows = ["." * width] if framed else []
    for size in sizes:
        lead = "." if framed else ""
        rows += [(lead + land * size).ljust(width, "."), "." * width]
    return rows


def _stairs(length: int, land: str) -> list[str]:
    """``length`` land cells touching only diagonally, inside a frame of water."""
    width = length + 2
    return (
        ["." * width]
        + [("." * (i + 1) + land).ljust(width, ".") for i in range(length)]
        + ["." * width]
    )


@family("grids.count_islands")
def count_islands(rng) -> CodingTask:
    """Hidden: land character, diagonal links, island size range, edge islands."""
    land = pick(rng, LAND_CHARS)
    diagonal = bool(rng.integers(2))
    min_size = int(rng.integers(1, 10))
    max_size = pick(rng, (None, *range(min_size + 1, min_size + 11)))
    skip_edge = bool(rng.integers(2))
    rules = [f"size >= {min_size}"] if min_size > 1 else []
    rules += [f"size <= {max_size}"] if max_size else []
    rules += ["not edge"] if skip_edge else []
    edge_init = ", False" if skip_edge else ""
    edge_vars = ", edge" if skip_edge else ""
    edge_line = (
        "                edge = edge or y in (0, len(grid) - 1) or x in (0, len(grid[y]) - 1)\n"
        if skip_edge
        else ""
    )
    reference = f"""def count_islands(grid):
    seen = set()
    count = 0
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell != {land!r} or (r, c) in seen:
                continue
            stack, size{edge_vars} = [(r, c)], 0{edge_init}
            seen.add((r, c))
            while stack:
                y, x = stack.pop()
                size += 1
{edge_line}                for dy, dx in {KING_STEPS if diagonal else ROOK_STEPS}:
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < len(grid) and 0 <= nx < len(grid[ny]) and \\
                            grid[ny][nx] == {land!r} and (ny, nx) not in seen:
                        seen.add((ny, nx))
                        stack.append((ny, nx))
            count += {" and ".join(rules) if rules else "1"}
    return count
"""

    def draw(grid):
        return [row.replace("#", land) for row in grid]

    top = max_size or min_size + 2
    sizes = [s for s in (min_size - 1, min_size, min_size + 1, top, top + 1) if s > 0]
    calls = [
        (_strip(sizes, land, framed=True),),
        (_strip(sizes, land, framed=False),),
        (_strip([min_size, top + 1, min_size], land, framed=True),),
        (_stairs(max(2, min_size), land),),
        (_stairs(top + 1, land),),
        (draw(GRID_A),),
        (draw(GRID_B),),
        ([],),
        (draw(["...."]),),
        ([land],),
        (draw(["###", "#.#", "###"]),),
        ([f".{c}." for c in LAND_CHARS] + ["..."],),
        (draw(["##..", "##..", "...#"]),),
    ]
    if max_size:
        size_rule = f"Only islands of {min_size} to {max_size} cells count (both included)."
    elif min_size > 1:
        size_rule = f"An island needs at least {min_size} cells; smaller ones don't count."
    else:
        size_rule = "Any size counts, even a single cell, and there is no upper limit."
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
                ("size", "single", "tiny", "small", "minimum", "one cell", "maximum", "big"),
                "Is there a minimum or maximum island size?",
                size_rule,
                f"Island size rule: at least {min_size} cell(s)"
                + (f", at most {max_size}." if max_size else ", no maximum."),
            ),
            fact(
                "border",
                ("border", "edge", "edges", "boundary", "map edge", "off the map"),
                "Do islands on the edge of the map count?",
                "No: an island touching the map's edge may continue off the map, so skip it."
                if skip_edge
                else "Yes, islands touching the map's edge count like any other.",
                "Ignore islands on the border." if skip_edge else "Border islands count too.",
            ),
        ),
    )


@family("grids.neighbour_sum")
def neighbour_sum(rng) -> CodingTask:
    """Hidden: diagonals, radius, the centre's weight, edge handling, bad coordinates."""
    diagonal = bool(rng.integers(2))
    radius = int(rng.integers(1, 6))
    weight = int(rng.integers(0, 6))
    edges = pick(rng, ("wrap", "clamp", *range(31)))
    outside = pick(rng, ("raise", "zero", "none"))
    skip = (
        "(dr, dc) == (0, 0)" if diagonal else f"(dr, dc) == (0, 0) or abs(dr) + abs(dc) > {radius}"
    )
    add = {
        "wrap": "total += grid[(r + dr) % h][(c + dc) % w]",
        "clamp": "total += grid[min(max(r + dr, 0), h - 1)][min(max(c + dc, 0), w - 1)]",
    }.get(
        edges,
        f"total += grid[r + dr][c + dc] if 0 <= r + dr < h and 0 <= c + dc < w else {edges}",
    )
    bad = {"raise": "raise IndexError((r, c))", "zero": "return 0", "none": "return None"}[outside]
    own = {0: "", 1: " + grid[r][c]"}.get(weight, f" + {weight} * grid[r][c]")
    reference = f"""def neighbour_sum(grid, r, c):
    h, w = len(grid), len(grid[0])
    if not (0 <= r < h and 0 <= c < w):
        {bad}
    total = 0
    for dr in range({-radius}, {radius + 1}):
        for dc in range({-radius}, {radius + 1}):
            if {skip}:
                continue
            {add}
    return total{own}
"""
    g = [[(3 * i + 7 * j) % 10 + 1 for j in range(7)] for i in range(6)]
    g2 = [[1, 0, 2, 0], [0, 3, 0, 4]]
    calls = [
        (g, 2, 3),
        (g, 0, 0),
        (g, 5, 6),
        (g, 0, 3),
        (g, 5, 0),
        (g, 3, 6),
        (g, radius, radius),
        (g2, 0, 0),
        (g2, 1, 3),
        ([[7]], 0, 0),
        ([[1, 1], [1, 1]], 0, 1),
        (g, 6, 0),
        (g, 0, -1),
        (g2, 2, 4),
    ]
    if diagonal:
        shape = (
            f"Yes: every cell up to {radius} rows and {radius} columns away counts, "
            "diagonals included (a square around the cell)."
        )
    else:
        shape = (
            f"No diagonals: only cells at most {radius} steps away going up, down, left and "
            "right (Manhattan distance)."
        )
    if edges == "wrap":
        edge_rule = (
            "The grid wraps around, like a torus: an offset past one edge continues from the "
            "opposite side (on a small grid one cell can count more than once)."
        )
    elif edges == "clamp":
        edge_rule = (
            "Each position outside the grid takes the value of the nearest cell inside it "
            "(clamp the row and the column)."
        )
    else:
        edge_rule = f"Cells outside the grid count as {edges} each."
    if weight == 0:
        self_rule = "No, only its neighbours."
    elif weight == 1:
        self_rule = "Yes, add the cell's own value once."
    else:
        self_rule = f"Yes, the cell's own value counts {weight} times."
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
                ("diagonal", "diagonals", "corners", "eight", "four", "square", "shape"),
                "Do diagonal neighbours count?",
                shape,
                "Include diagonals." if diagonal else "No diagonals.",
            ),
            fact(
                "radius",
                ("radius", "how far", "distance", "range", "steps away", "far away"),
                "How far from the cell should it look?",
                f"Up to {radius} cell(s) away.",
                f"The radius is {radius}.",
            ),
            fact(
                "self",
                ("itself", "own value", "center", "centre", "include the cell", "weight"),
                "Does the cell itself count?",
                self_rule,
                f"The centre's weight is {weight}.",
            ),
            fact(
                "edges",
                ("edge", "edges", "border", "outside", "wrap", "around"),
                "What happens at the edges?",
                edge_rule,
                edge_rule,
            ),
            fact(
                "invalid",
                ("invalid", "out of range", "not in the grid", "bad coordinates", "index"),
                "What if r or c is invalid?",
                {
                    "raise": "Raise an IndexError.",
                    "zero": "Return 0.",
                    "none": "Return None.",
                }[outside],
                {
                    "raise": "That's an IndexError.",
                    "zero": "The sum is 0 then.",
                    "none": "None for those.",
                }[outside],
            ),
        ),
    )


#: Characters a ragged map's short rows may be padded with.
PADS = (".", " ", "#", "_", "0", "~", "*", "?", "x", "=", "+", "o")


@family("grids.rotate")
def rotate(rng) -> CodingTask:
    """Hidden: direction, output rows, negative turns, ragged rows, turning tiles, size cap."""
    clockwise = bool(rng.integers(2))
    as_strings = bool(rng.integers(2))
    negative_raises = bool(rng.integers(2))
    pad = pick(rng, (None, *PADS))
    arrows = bool(rng.integers(2))
    lines = bool(rng.integers(2))
    limit = pick(rng, (None, *range(3, 11)))
    turn = "zip(*grid[::-1])" if clockwise else "zip(*grid)][::-1"
    spin = {}
    if arrows:
        spin.update(
            {"^": ">", ">": "v", "v": "<", "<": "^"}
            if clockwise
            else {"^": "<", "<": "v", "v": ">", ">": "^"}
        )
    if lines:
        spin.update({"-": "|", "|": "-"})
    negative = "    if turns < 0:\n        raise ValueError(turns)\n" if negative_raises else ""
    too_big = (
        f"    if len(grid) > {limit} or width > {limit}:\n        raise ValueError('too large')\n"
        if limit
        else ""
    )
    ragged = (
        f"    grid = [row + [{pad!r}] * (width - len(row)) for row in grid]\n"
        if pad is not None
        else "    if any(len(row) != width for row in grid):\n"
        "        raise ValueError('ragged rows')\n"
    )
    tiles = (
        f"        grid = [[{spin!r}.get(ch, ch) for ch in row] for row in grid]\n" if spin else ""
    )
    out = '["".join(row) for row in grid]' if as_strings else "grid"
    reference = f"""def rotate(grid, turns):
{negative}    grid = [list(row) for row in grid]
    width = max((len(row) for row in grid), default=0)
{too_big}{ragged}    for _ in range(turns % 4):
        grid = [list(row) for row in {turn}]
{tiles}    return {out}
"""
    side = limit or 4
    calls = [
        (["ab", "cd"], 1),
        (["ab", "cd"], 2),
        (["ab", "cd"], 3),
        (["ab", "cd"], 4),
        (["abc", "def"], 1),
        (["abc", "def"], 5),
        (["ab", "cd"], -1),
        (["abc", "d", "ef"], 1),
        (["ab", "c"], -2),
        (["^>", "v<"], 1),
        (["-|", "^."], 3),
        (["a-b", "|c>"], 2),
        (["abcdefghijklm"[:side]] * side, 1),
        (["a"] * (side + 1), 1),
        (["abcdefghijklm"[: side + 1]], 2),
        ([], 1),
    ]
    if spin:
        changes = []
        if arrows:
            changes.append("arrow tiles ^ > v < point the new way after each quarter turn")
        if lines:
            changes.append("line tiles '-' and '|' swap on each quarter turn")
        tile_rule = "Yes: " + " and ".join(changes) + "; other tiles stay as they are."
    else:
        tile_rule = "No, every tile character stays exactly as it is."
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
                "Turns work modulo 4; negative turns raise a ValueError."
                if negative_raises
                else "Turns work modulo 4, so -1 is three turns.",
                "No negative turns (ValueError); otherwise modulo 4."
                if negative_raises
                else "Take turns modulo 4.",
            ),
            fact(
                "ragged",
                ("ragged", "uneven", "different lengths", "shorter", "pad", "padding"),
                "What if the rows have different lengths?",
                f"Pad short rows on the right with {pad!r} to the longest row's length first."
                if pad is not None
                else "That's a broken map: raise a ValueError.",
                f"Fill ragged rows out with {pad!r}." if pad is not None else "Reject them.",
            ),
            fact(
                "tiles",
                ("arrow", "arrows", "tile", "tiles", "line", "lines"),
                "Do arrow or line tiles get changed by a rotation?",
                tile_rule,
                tile_rule,
            ),
            fact(
                "size",
                ("size", "largest", "biggest", "limit", "maximum", "too big", "large"),
                "Is there a maximum map size?",
                f"Maps with more than {limit} rows or more than {limit} columns raise a ValueError."
                if limit
                else "No, any size works.",
                f"At most {limit} by {limit}." if limit else "No size limit.",
            ),
        ),
    )


@family("grids.robot_walk")
def robot_walk(rng) -> CodingTask:
    """Hidden: y axis, move letters, junk characters, start point, walls, output type."""
    up_positive = bool(rng.integers(2))
    invalid = pick(rng, ("skip", "raise", "stop"))
    as_list = bool(rng.integers(2))
    compass = bool(rng.integers(2))
    start = (int(rng.integers(-3, 4)), int(rng.integers(-3, 4)))
    wall = pick(rng, (None, *range(3, 10)))
    up, down, left, right = "NSWE" if compass else "UDLR"
    dy = 1 if up_positive else -1
    bad = {"skip": "continue", "raise": "raise ValueError(move)", "stop": "break"}[invalid]
    if wall:
        step = (
            f"        x = min(max(x + steps[move][0], {-wall}), {wall})\n"
            f"        y = min(max(y + steps[move][1], {-wall}), {wall})\n"
        )
    else:
        step = "        x, y = x + steps[move][0], y + steps[move][1]\n"
    out = "[x, y]" if as_list else "(x, y)"
    reference = f"""def walk(moves):
    x, y = {start[0]}, {start[1]}
    steps = {{{up!r}: (0, {dy}), {down!r}: (0, {-dy}), {left!r}: (-1, 0), {right!r}: (1, 0)}}
    for move in moves.upper():
        if move not in steps:
            {bad}
{step}    return {out}
"""
    own = str.maketrans("UDLRudlr", up + down + left + right + (up + down + left + right).lower())
    far = (wall or 6) + 2
    plans = [
        "UUR",
        "",
        "LLDD",
        "udlr",
        "UUUUD",
        "RRRRL",
        "U D",
        "UXRR",
        "DDDR",
        "lluu",
        "RURDLDLU",
        "U" * far + "D",
        "L" * far + "RR",
        "R" * (far - 3) + "?" + "R" * 3,
    ]
    calls = [(plan.translate(own),) for plan in plans] + [("NNEUUR",), ("SWDL",)]
    names = f"{up} (up), {down} (down), {left} (left) and {right} (right)"
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
                f"{up} is +1 on y." if up_positive else f"{up} is -1 on y.",
            ),
            fact(
                "letters",
                ("letters", "commands", "compass", "move names", "which moves"),
                "Which letters are the move commands?",
                f"The moves are {names}, in either case.",
                "Compass letters N, S, W, E." if compass else "The letters U, D, L, R.",
            ),
            fact(
                "invalid",
                ("invalid", "other characters", "unknown", "spaces", "lowercase", "junk"),
                "What about unknown or invalid characters?",
                {
                    "skip": "Moves are case-insensitive; skip any other character.",
                    "raise": "Moves are case-insensitive; any other character raises ValueError.",
                    "stop": "Moves are case-insensitive; the robot stops at the first other "
                    "character and ignores the rest.",
                }[invalid],
                {
                    "skip": "Ignore junk characters.",
                    "raise": "Reject junk characters.",
                    "stop": "Junk ends the walk.",
                }[invalid],
            ),
            fact(
                "start",
                ("start", "starting", "origin", "begin", "initial"),
                "Where does the robot start?",
                f"It starts at x={start[0]}, y={start[1]}.",
                f"The starting point is ({start[0]}, {start[1]}).",
            ),
            fact(
                "walls",
                ("wall", "walls", "boundary", "bounded", "limit", "edge", "how far"),
                "Is there a wall or limit on how far it can go?",
                f"Walls stand at -{wall} and {wall} on both axes: a move that would cross one "
                "is ignored, the robot stays put."
                if wall
                else "No walls, the floor is unlimited.",
                f"x and y stay between -{wall} and {wall}." if wall else "Unbounded.",
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
    """Hidden: diagonals, tolerance, wrapping, what it returns, out-of-range starts."""
    diagonal = bool(rng.integers(2))
    result = pick(rng, ("grid", "count", "cells"))
    tolerance = int(rng.integers(0, 201))
    wrap = bool(rng.integers(2))
    outside_raises = bool(rng.integers(2))
    nothing = {"grid": "out", "count": "0", "cells": "[]"}[result]
    done = {"grid": "out", "count": "len(seen)", "cells": "sorted(seen)"}[result]
    bad = "raise IndexError((r, c))" if outside_raises else f"return {nothing}"
    match = "grid[r][c] == start" if tolerance == 0 else f"abs(grid[r][c] - start) <= {tolerance}"
    near = (
        "            ny, nx = (y + dy) % len(grid), (x + dx) % len(grid[0])\n"
        "            if (ny, nx) not in seen and "
        if wrap
        else "            ny, nx = y + dy, x + dx\n"
        "            if 0 <= ny < len(grid) and 0 <= nx < len(grid[0]) \\\n"
        "                    and (ny, nx) not in seen and "
    )
    reference = f"""def flood_fill(grid, r, c, colour):
    out = [list(row) for row in grid]
    if not (0 <= r < len(grid) and 0 <= c < len(grid[0])):
        {bad}
    start = grid[r][c]
    if start == colour:
        return {nothing}
    seen = {{(r, c)}}
    stack = [(r, c)]
    while stack:
        y, x = stack.pop()
        out[y][x] = colour
        for dy, dx in {KING_STEPS if diagonal else ROOK_STEPS}:
{near}{match.replace("[r][c]", "[ny][nx]")}:
                seen.add((ny, nx))
                stack.append((ny, nx))
    return {done}
"""
    b, t = 150, tolerance
    far = 999  # never within tolerance of b
    probe = [[b, b + t, b + t + 1], [b - t - 1, b - t, b], [b, far, b]]
    g = [[0, 0, 1], [0, 1, 1], [1, 0, 0]]
    calls = [
        (probe, 0, 0, 7),
        (probe, 2, 2, 9),
        (probe, 0, 2, 7),
        ([[b, far, far, b + t]], 0, 0, 3),
        ([[b], [far], [b - t]], 2, 0, 3),
        (g, 0, 0, 2),
        (g, 2, 2, 5),
        (g, 1, 1, 1),
        ([[3]], 0, 0, 4),
        ([[5, 5, 5], [5, 0, 5], [5, 5, 5]], 1, 1, 5),
        ([[2, 0, 2], [0, 2, 0]], 0, 0, 3),
        (probe, 3, 0, 7),
        (g, 0, -1, 2),
    ]
    returns = {
        "grid": "A new grid (list of lists) with the fill applied; don't change the input.",
        "count": "The number of cells the fill covers, the start cell included.",
        "cells": "The (row, col) pairs the fill covers, as a sorted list of tuples.",
    }[result]
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
                "tolerance",
                ("tolerance", "similar", "close", "threshold", "how different", "exact"),
                "Is there a colour tolerance?",
                "No tolerance: only cells with exactly the start cell's value are filled."
                if tolerance == 0
                else f"A cell joins the fill when its value differs from the start cell's "
                f"original value by at most {tolerance}.",
                f"The tolerance is {tolerance}.",
            ),
            fact(
                "wrap",
                ("wrap", "wraps", "edge", "edges", "border", "tiling", "seamless"),
                "Does the fill wrap around the edges?",
                "Yes, it's a tiling texture: the fill wraps from each edge to the opposite one."
                if wrap
                else "No, the fill stops at the grid's edges.",
                "Edges wrap around." if wrap else "No wrapping.",
            ),
            fact(
                "result",
                ("return", "result", "output", "count", "new grid"),
                "What should the function return?",
                returns,
                returns,
            ),
            fact(
                "same",
                ("same colour", "same color", "already", "nothing to do"),
                "What if the cell already has the new colour?",
                {
                    "grid": "Then nothing changes: return an unchanged copy.",
                    "count": "Then nothing changes: return 0.",
                    "cells": "Then nothing changes: return an empty list.",
                }[result],
                "Nothing happens in that case.",
            ),
            fact(
                "outside",
                ("outside", "out of range", "invalid", "off the grid"),
                "What if the start cell is out of range?",
                "Raise an IndexError."
                if outside_raises
                else {
                    "grid": "Then nothing changes: return an unchanged copy.",
                    "count": "Then nothing is filled: return 0.",
                    "cells": "Then nothing is filled: return an empty list.",
                }[result],
                "That's an IndexError." if outside_raises else "Nothing is filled then.",
            ),
        ),
    )
