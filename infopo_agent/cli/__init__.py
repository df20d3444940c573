"""The ``infopo`` command line. Env commands need no torch; model commands import it lazily."""

from infopo_agent.cli.main import main

__all__ = ["main"]
