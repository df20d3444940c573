"""Task families, one module per theme; importing this package registers every family."""

from infopo_envs.coding.families import (  # noqa: F401
    cleaning,
    dates,
    grids,
    numbers,
    pricing,
    ranking,
    scheduling,
    text,
    units,
)
from infopo_envs.coding.family import FAMILIES

__all__ = ["FAMILIES"]
