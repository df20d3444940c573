#!/usr/bin/env bash
# Information gain on a CUDA machine, in one go (a few minutes on one GPU):
#   1. the agreement tests (fast vs reference, split vs dense; the `cuda` tests run here),
#   2. benchmarks/info_gain.py at 8 turns (SmolLM2 in bf16),
#   3. benchmarks/info_gain_scale.py from 1k to 32k tokens,
# then one summary: each step's status and the benchmarks' ratios. Logs go to $LOG_DIR.
#
#   bash benchmarks/gpu_check.sh            # PYTHON=/path/to/python to pick the interpreter
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
LOG_DIR=${LOG_DIR:-$(mktemp -d -t infopo-gpu-check.XXXX)}
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
STEPS=()

"$PYTHON" -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 2)" || {
    echo "gpu_check: $PYTHON cannot import torch or sees no CUDA device" >&2
    exit 2
}

# step NAME SECONDS COMMAND...: run with a time limit, log to $LOG_DIR/NAME.log, record status
step() {
    local name=$1 limit=$2
    shift 2
    local start=$SECONDS
    timeout "$limit" "$@" >"$LOG_DIR/$name.log" 2>&1
    local rc=$?
    STEPS+=("$name|$rc|$((SECONDS - start))")
    echo "gpu_check: $name rc=$rc ($((SECONDS - start)) s)" >&2
}

step ig_tests 100 "$PYTHON" -m pytest -q -rs -p no:cacheprovider \
    tests/test_info_gain.py tests/test_info_gain_packing.py
step ig_benchmark 80 "$PYTHON" benchmarks/info_gain.py --groups 4 --group-size 4 --turns 8
step ig_scale 100 "$PYTHON" benchmarks/info_gain_scale.py \
    --lengths 1024 2048 4096 8192 16384 32768 --real-max-tokens 16384 \
    --dense-max-tokens 16384 --reference-turns 4 --repeats 3 --repeat-max-tokens 32768

# ==== training checks: append `step NAME SECONDS COMMAND...` lines here ====================
# two InfoPO steps of SmolLM2 on CUDA in bf16, with LoRA and fully fine-tuned (master weights)
step train_steps 150 "$PYTHON" benchmarks/gpu_train_check.py --model smollm2 --device cuda

# ==== end of training checks ================================================================

"$PYTHON" - "$LOG_DIR" "${STEPS[@]}" <<'EOF'
"""One summary: status per step, the test tally, and the benchmarks' ratios (last JSON line)."""
import json
import pathlib
import sys

log_dir, steps = pathlib.Path(sys.argv[1]), sys.argv[2:]


def last_json(name):
    path = log_dir / f"{name}.log"
    lines = path.read_text().strip().splitlines() if path.exists() else []
    try:
        return json.loads(lines[-1]) if lines else None
    except json.JSONDecodeError:
        return None


summary = {"log_dir": str(log_dir), "steps": {}}
for entry in steps:
    name, rc, seconds = entry.split("|")
    summary["steps"][name] = {"ok": rc == "0", "rc": int(rc), "seconds": int(seconds)}
tests = log_dir / "ig_tests.log"
if tests.exists():
    tail = [line for line in tests.read_text().splitlines() if " in " in line and "passed" in line]
    summary["ig_tests"] = tail[-1].strip("= ") if tail else "no pytest summary line"
bench = last_json("ig_benchmark")
if bench:
    summary["ig_benchmark"] = {
        k: bench.get(k)
        for k in ("machine", "dtype", "packed_attention", "mean_tokens", "fast_over_single_pass",
                  "reference_over_fast", "max_abs_difference")
    }
train = last_json("train_steps")
if train:
    summary["train_steps"] = train
scale = last_json("ig_scale")
if scale:
    summary["ig_scale"] = scale.get("ratios")
for name, step in summary["steps"].items():
    print(f"{name:14} {'ok' if step['ok'] else 'FAILED rc=%d' % step['rc']:12} {step['seconds']:4d} s")
print(json.dumps(summary))
sys.exit(0 if all(s["ok"] for s in summary["steps"].values()) else 1)
EOF
