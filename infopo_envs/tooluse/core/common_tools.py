"""Tools every domain's agent has, as in tau2-bench: a calculator and a transfer to a human."""

from __future__ import annotations

import ast
import operator
from typing import Any

from infopo_envs.tooluse.core.registry import ToolError, public

TRANSFER = "transfer_to_human_agents"
_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}
MAX_EXPRESSION = 200


@public
def calculate(state: Any, expression: str) -> float:
    """Calculate an arithmetic expression of numbers, + - * / and parentheses.

    Args:
        expression: The expression, such as '(49.99 - 42.5) * 2'.
    """
    if len(expression) > MAX_EXPRESSION:
        raise ToolError(f"The expression is longer than {MAX_EXPRESSION} characters.")
    try:
        tree = ast.parse(expression, mode="eval")
    except SyntaxError:
        raise ToolError(f"Cannot read the expression {expression!r}.") from None
    return round(_evaluate(tree.body), 2)


def _evaluate(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if isinstance(node.op, ast.Div) and right == 0:
            raise ToolError("Division by zero.")
        return _OPERATORS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
        return _OPERATORS[type(node.op)](_evaluate(node.operand))
    raise ToolError("Only numbers, + - * / and parentheses are allowed.")


@public
def transfer_to_human_agents(state: Any, summary: str) -> str:
    """Transfer the customer to a human agent, with a summary; this ends your conversation.

    Only when the request cannot be handled within the policy and the tools.

    Args:
        summary: A short summary of the customer's issue for the human agent.
    """
    return "Transfer successful."


COMMON_TOOLS = (calculate, transfer_to_human_agents)
