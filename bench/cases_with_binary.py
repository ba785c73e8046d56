#!/usr/bin/env python3
"""The case libraries' figures for any `foot-triage` binary, through its CLI.

Used for before-and-after comparisons across versions of the engine: build an
older commit's CLI (for example in a `git worktree`) and run

    bench/cases_with_binary.py path/to/old/foot-triage knowledge/cases/blind
    bench/cases_with_binary.py target/release/foot-triage knowledge/cases/blind

It reads the case files itself, so an older binary that does not know the
current case format still gets the same cases. Keys or options an older
contract does not have are dropped, as that version could not have asked
them. The flow is simulated through `next` with the same runner as
`src/cases.rs`: the case's answer, or what a runner without the sign says.
`foot-triage cases` remains the measure the tests use; this script exists so
that a version without it can be measured the same way.
"""

import json
import subprocess
import sys
import tomllib
from pathlib import Path

LEVELS = ["self_care", "soon", "urgent", "emergency"]


def run(binary, args, answers):
    out = subprocess.run([binary, *args], input=json.dumps(answers), capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return json.loads(out.stdout)


def contract(binary):
    questions = json.loads(subprocess.run([binary, "questions"], capture_output=True, text=True).stdout)["questions"]
    return {q["id"]: q for q in questions}


def fit(answers, questions):
    """The answers this contract can express."""
    out = {}
    for key, value in answers.items():
        q = questions.get(key)
        if q is None:
            continue
        options = {o["id"] for o in q.get("options", [])}
        if q["kind"] == "multi" and isinstance(value, list):
            value = [v for v in value if v in options]
            if not value and answers[key]:
                continue
        elif q["kind"] == "single" and value != "not_sure" and value not in options:
            continue
        out[key] = value
    return out


def unstated(q):
    absent = q.get("absent")
    if q["kind"] == "yes_no":
        if absent == "yes" or (absent is None and q.get("concerning") == "no"):
            return True
        return False
    if q["kind"] == "single" and absent:
        return absent
    if q["kind"] == "single" and any(o.get("absent") for o in q.get("options", [])):
        return next(o["id"] for o in q["options"] if o.get("absent"))
    return "not_sure"


def flow(binary, answers, questions):
    shown, screens = {}, 0
    for _ in range(len(questions) + 1):
        nxt = run(binary, ["next"], shown)
        batch = nxt.get("questions") or ([nxt["question"]] if nxt.get("question") else [])
        if not batch:
            break
        screens += 1
        for q in batch:
            shown[q["id"]] = answers.get(q["id"], unstated(q))
    return shown, screens


def rank(result, condition):
    ids = [c["id"] for c in result["conditions"]]
    return ids.index(condition) + 1 if condition in ids else None


def main():
    binary, path = sys.argv[1], Path(sys.argv[2])
    files = sorted(path.rglob("*.toml")) if path.is_dir() else [path]
    cases = [c for f in files for c in tomllib.loads(f.read_text())["case"]]
    questions = contract(binary)
    figures = {"all": [], "flow": []}
    for case in cases:
        answers = fit(case["answers"], questions)
        floor = case.get("triage") or case.get("floor") or "self_care"
        ceiling = case.get("triage") or case.get("ceiling") or "emergency"
        runs = {"all": (answers, 0), "flow": flow(binary, answers, questions)}
        for mode, (given, screens) in runs.items():
            result = run(binary, ["assess"], given)
            figures[mode].append(
                {
                    "level": result["triage"],
                    "floor": floor,
                    "ceiling": ceiling,
                    "rank": rank(result, case["condition"]) if case.get("condition") else None,
                    "has_condition": bool(case.get("condition")),
                    "screens": screens,
                }
            )
    n = len(cases)
    print(f"{binary} on {path}: {n} cases")
    for mode, rows in figures.items():
        lv = LEVELS.index
        exact = sum(r["level"] == r["floor"] for r in rows)
        under = sum(lv(r["level"]) < lv(r["floor"]) for r in rows)
        serious = sum(lv(r["level"]) < lv(r["floor"]) and lv(r["floor"]) >= 2 for r in rows)
        over = sum(lv(r["level"]) > lv(r["ceiling"]) for r in rows)
        sc = [r for r in rows if r["ceiling"] == "self_care"]
        kept = sum(r["level"] == "self_care" for r in sc)
        with_c = [r for r in rows if r["has_condition"]]
        top1 = sum(r["rank"] == 1 for r in with_c)
        top3 = sum(r["rank"] is not None and r["rank"] <= 3 for r in with_c)
        screens = sorted(r["screens"] for r in rows)
        pct = lambda a, b: 100.0 * a / b if b else 0.0
        print(
            f"  {mode:<5} exact {exact} ({pct(exact, n):.0f}%), under {under} (urgent/emergency {serious}), over {over}, "
            f"self-care kept {kept}/{len(sc)} ({pct(kept, len(sc)):.0f}%), first {top1}/{len(with_c)} ({pct(top1, len(with_c)):.0f}%), "
            f"top 3 {top3}/{len(with_c)} ({pct(top3, len(with_c)):.0f}%)"
            + (f", screens median {screens[n // 2]}, max {screens[-1]}" if mode == "flow" else "")
        )


if __name__ == "__main__":
    main()
