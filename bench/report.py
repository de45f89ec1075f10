"""The benchmark's result as a table for people (the JSON is `run_bench`'s dict as is)."""

from __future__ import annotations

UNITS = {"s": "{:.2f} s", "ms": "{:.1f} ms", "%": "{:.3f} %", "MB": "{:.0f} MB"}


def quantity(value: float, unit: str) -> str:
    return UNITS.get(unit, "{:g} " + unit).format(value)


def table(result: dict) -> str:
    """A Markdown table: figure, value, floor, ratio, goal, holds."""
    lines = ["| figure | value | floor | ratio | goal | holds |",
             "|---|---|---|---|---|---|"]
    for f in result["figures"]:
        lines.append(f"| {f['figure']} {f['title']} | {quantity(f['value'], f['unit'])} | "
                     f"{quantity(f['floor'], f['unit'])} | {f['ratio']:.2f}× | {f['goal_text']} | "
                     f"{'yes' if f['holds'] else '**no**'} |")
    return "\n".join(lines)


def text(result: dict) -> str:
    data, scale = result["data"], result["scale"]
    if data:
        head = (f"AfterDesk benchmark: {data['orders']} orders, {data['conversation']} "
                f"conversations, {data['message']} messages, "
                f"{data['dispute'] + data['aftersales_request']} cases in {data['shop']} shops "
                f"(seed {data['seed']}); medians of {scale['repeats']} repetitions (P2–P4), "
                f"{scale.get('start_repeats', '?')} starts (P1), "
                f"{scale.get('import_repeats', '?')} imports (P5), {scale['slow_repeats']} "
                "packs (P7)")
    else:                       # only a server's figure (P13): no shops generated
        head = "AfterDesk benchmark: figures on a server only"
    out = [head, "", table(result), ""]
    for f in result["figures"]:
        out.append(f"{f['figure']}: {f['what']}; floor: {f['floor_what']}.")
    machine = result["machine"]
    out += ["", f"{machine['cpus']} CPUs, {machine['system']}, Python {machine['python']}, "
                f"PySide6 {machine['pyside6']}, SQLite {machine['sqlite']}; load average at the "
                f"end {machine['load_average_at_end']}",
            f"whole run {result['seconds']:.0f} s"
            + (f" (shops generated in {data['seconds']:.0f} s); " if data else "; ")
            + ("every goal holds" if result["all_hold"]
               else "short of the goal: " + ", ".join(result["short"]))]
    return "\n".join(out)
