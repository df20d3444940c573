"""``infopo robustness``: one policy against several user personas (user shift), as a matrix."""

from __future__ import annotations

import argparse
import time
from urllib.parse import urlencode

from infopo_agent.cli.common import UsageError, console
from infopo_agent.cli.eval import SUMMARY, TRANSCRIPTS
from infopo_agent.cli.outputs import output_dir, slug
from infopo_agent.cli.plots import write_persona_plot
from infopo_agent.cli.policies import load_hf_policy, parse_policy
from infopo_agent.cli.records import PersonaResult, RobustnessReport, write_json, write_jsonl
from infopo_agent.cli.runs import RunSettings, add_run_arguments, run_episodes
from infopo_agent.cli.summaries import matrix_table, summarize

REPORT = "robustness.json"
DEFAULT_PERSONAS = "cooperative,terse,verbose,noisy,reluctant,inconsistent"


def add_commands(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "robustness", help="the same policy against several simulator personas (user shift)"
    )
    add_run_arguments(parser, episodes=5, group=1)
    parser.add_argument("--personas", default=DEFAULT_PERSONAS, help="comma-separated personas")
    parser.add_argument(
        "--simulator", default="rule", help="base simulator spec without a persona (default: rule)"
    )
    parser.add_argument("--out", help="output folder (default: infopo-runs/robustness-<env>-...)")
    parser.set_defaults(handler=robustness)


def with_persona(base: str, persona: str) -> str:
    """``base`` with ``persona=<persona>`` added: ``rule`` -> ``rule?persona=terse``."""
    from simulators.spec import parse_spec

    try:
        scheme, name, params = parse_spec(base)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if "persona" in params or (scheme == "rule" and name):
        raise UsageError(f"--simulator {base!r} already names a persona; --personas sets it")
    head = f"{scheme}:{name}" if name else scheme
    return f"{head}?{urlencode({**params, 'persona': persona})}"


def robustness(args: argparse.Namespace) -> int:
    spec = parse_policy(args.policy)
    personas = [p.strip() for p in args.personas.split(",") if p.strip()]
    if not personas or len(set(personas)) != len(personas):
        raise UsageError("--personas needs distinct, comma-separated persona names")
    runs = {p: RunSettings.from_args(args, with_persona(args.simulator, p)) for p in personas}
    for settings in runs.values():  # bad env ids, personas or specs fail before any model loads
        settings.make_env().close()
    out = output_dir(args.out or f"infopo-runs/robustness-{slug(args.env_id)}-{slug(spec.name)}")
    policy = load_hf_policy(spec, device=args.device) if spec.kind == "hf" else None
    started = time.perf_counter()
    results = []
    for persona, settings in runs.items():
        console.print(f"[bold]{persona}[/]: {settings.simulator}")
        begun = time.perf_counter()
        records = run_episodes(spec, settings, policy=policy)
        summary = summarize(records, settings, spec.name, time.perf_counter() - begun)
        folder = output_dir(out / persona)
        write_jsonl(folder / TRANSCRIPTS, records)
        write_json(folder / SUMMARY, summary)
        result = PersonaResult(persona=persona, simulator=settings.simulator, summary=summary)
        results.append(result)
    report = RobustnessReport(
        env_id=args.env_id,
        policy=spec.name,
        base_simulator=args.simulator,
        seed=args.seed,
        personas=results,
        wall_time_s=round(time.perf_counter() - started, 3),
    )
    write_json(out / REPORT, report)
    plot = write_persona_plot(out, [(r.persona, r.summary) for r in results])
    title = f"{spec.name} on {args.env_id} against user personas"
    console.print(matrix_table([(r.persona, r.summary) for r in results], title))
    console.print(f"Wrote {out / REPORT}, {out / plot} and one folder per persona")
    return 0
