"""The evaluation report as one self-contained HTML page: figures, confusion matrix, a
histogram of location errors and the worst cases with their text. No scripts, no network."""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

from eventcoder.evaluate.report import Report

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}
h1{font-size:1.5em} h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0} td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.matrix td{text-align:center;min-width:2.2em} .matrix th{font-weight:normal;font-size:.85em}
.case{border:1px solid #ddd;border-radius:4px;padding:.5em 1em;margin:.8em 0}
.case pre{white-space:pre-wrap;font-size:.85em;background:#f7f7f7;padding:.4em}
.score{float:right;color:#a00}
"""
_HISTOGRAM_BINS_KM = [0, 10, 25, 50, 100, 161, 250, 500, 1000, 2500, 5000, 20000]


def write_report(reports: list[Report], folder: Path) -> Path:
    """Writes ``folder/index.html`` and returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    parts = [f"<!doctype html><meta charset='utf-8'><title>eventcoder evaluation</title><style>{_STYLE}</style>",
             "<h1>eventcoder evaluation</h1>"]
    for report in reports:
        parts.append(f"<h2>{escape(report.name)}</h2>")
        parts.append(_figures(report))
        if report.confusion:
            parts.append("<h3>Confusion matrix (rows: gold, columns: extracted)</h3>" + _matrix(report))
        if report.distances_km:
            parts.append("<h3>Location error</h3>" + _histogram(report.distances_km))
        if report.cases:
            parts.append("<h3>Worst cases</h3>" + "".join(_case(case) for case in report.worst(50)))
    path = folder / "index.html"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _figures(report: Report) -> str:
    rows = "".join(f"<tr><th>{escape(name)}</th><td class=n>{_number(value)}</td></tr>"
                   for name, value in report.figures.items())
    return f"<table>{rows}</table>"


def _number(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else escape(str(value))


def _matrix(report: Report) -> str:
    gold = sorted({g for g, _ in report.confusion})
    predicted = sorted({p for _, p in report.confusion})
    peak = max(report.confusion.values())
    head = "<tr><th></th>" + "".join(f"<th>{escape(p)}</th>" for p in predicted) + "</tr>"
    rows = []
    for g in gold:
        cells = []
        for p in predicted:
            count = report.confusion.get((g, p), 0)
            hue = 120 if g == p else 0
            shade = f"background:hsla({hue},60%,45%,{count / peak:.2f})" if count else ""
            cells.append(f"<td style='{shade}'>{count or ''}</td>")
        rows.append(f"<tr><th>{escape(g)}</th>{''.join(cells)}</tr>")
    return f"<table class=matrix>{head}{''.join(rows)}</table>"


def _histogram(distances: list[float]) -> str:
    """Bars of how many locations fall within each error band, drawn as inline SVG."""
    counts = [sum(low <= d < high for d in distances)
              for low, high in zip(_HISTOGRAM_BINS_KM, _HISTOGRAM_BINS_KM[1:])]
    peak = max(counts) or 1
    width, bar, height = 60 * len(counts), 50, 160
    bars = []
    for index, count in enumerate(counts):
        tall = int(height * count / peak)
        x = index * 60 + 5
        label = f"&lt;{_HISTOGRAM_BINS_KM[index + 1]}"
        bars.append(f"<rect x='{x}' y='{height - tall + 15}' width='{bar}' height='{tall}' fill='#4a7'/>"
                    f"<text x='{x + bar / 2}' y='{height - tall + 10}' text-anchor='middle' font-size='11'>{count}</text>"
                    f"<text x='{x + bar / 2}' y='{height + 30}' text-anchor='middle' font-size='11'>{label}</text>")
    return (f"<svg width='{width}' height='{height + 45}' role='img' aria-label='location errors in km'>"
            f"{''.join(bars)}</svg><div>error in km (band upper bound)</div>")


def _case(case) -> str:
    expected = escape(json.dumps(case.expected, ensure_ascii=False, indent=1, default=str))
    extracted = escape(json.dumps(case.extracted, ensure_ascii=False, indent=1, default=str))
    note = f"<p>{escape(case.note)}</p>" if case.note else ""
    return (f"<div class=case><span class=score>{case.score:.2f}</span><b>{escape(case.id)}</b>{note}"
            f"<pre>{escape(case.text[:3000])}</pre>"
            f"<table><tr><th>gold</th><th>extracted</th></tr><tr><td><pre>{expected}</pre></td>"
            f"<td><pre>{extracted}</pre></td></tr></table></div>")
