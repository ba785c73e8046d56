#!/usr/bin/env python3
"""The soundness figure for any `foot-triage` binary, through its CLI.

For a before-and-after comparison across versions of the interview: write the
generated runners once with the current CLI, then measure any binary on them:

    target/release/foot-triage runners 2000 > target/runners.jsonl
    bench/soundness_with_binary.py path/to/old/foot-triage target/runners.jsonl

Each runner answers only what that binary's flow asks (through `next`), from
its own answers; the level the flow reaches is compared with `assess` of the
runner's full answers. Keys an older contract does not have are dropped from
both, as that version could not have asked them. `foot-triage cases` remains
the measure the tests use; this exists so that a version without it can be
measured on the same runners.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cases_with_binary import LEVELS, contract, fit, flow, run  # noqa: E402


def main():
    binary, path = sys.argv[1], Path(sys.argv[2])
    questions = contract(binary)
    same = lower = higher = 0
    lowered = {}
    for line in path.read_text().splitlines():
        full = fit(json.loads(line), questions)
        shown, _ = flow(binary, full, questions)
        through, whole = run(binary, ["assess"], shown)["triage"], run(binary, ["assess"], full)["triage"]
        if through == whole:
            same += 1
        elif LEVELS.index(through) > LEVELS.index(whole):
            higher += 1
        else:
            lower += 1
            key = f"{whole} -> {through}"
            lowered[key] = lowered.get(key, 0) + 1
    n = same + lower + higher
    print(f"{binary} on {path}: {n} runners through the flow: same level {same}, lower {lower}, higher {higher}")
    for key, count in sorted(lowered.items(), key=lambda kv: -kv[1]):
        print(f"  lower: {key}: {count}")


if __name__ == "__main__":
    main()
