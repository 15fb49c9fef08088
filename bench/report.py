#!/usr/bin/env python3
"""Runs the benchmarks (or reads their saved results) and prints one markdown table.

    bench/report.py [--build-dir build-bench] [--repetitions 9] [--min-time 0.15]
                    [--compile-runs 5] [--rss-runs 5] [--export-runs 5] [--bench-json F]
                    [--native-json F] [--heap-json F] [--compile-json F] [--rss-json F]
                    [--export-json F] [--skip-native]

Without the --*-json options it runs, from the build directory,
  bench/bench_codecs         Google Benchmark, JSON output, repetitions with
  bench/bench_codecs_native  random interleaving, aggregates only (medians are used)
  bench/heap_peak            peak heap during the 1000-call page decode
  examples/signalwire-call check bench/page-20000.json and
  bench/decode_file bench/page-20000.json
                             under GNU time (/usr/bin/time -f %M ...), alternating,
                             median of --rss-runs each: the CLI's peak RSS against the
                             decode's own (the same file read and one CallList decode)
  examples/signalwire-call export --format csv|ndjson bench/calls-N.ndjson
                             for N = 1,000 and 100,000 synthetic calls (~1.5 and
                             ~150 MB of NDJSON, written here by bench/write_page
                             --ndjson when missing or older than write_page), output
                             to /dev/null, under GNU time, median of --export-runs:
                             MB/s of input and peak RSS, 100,000 against 1,000
and times the compilation of bench/compile_time/{ours,boost_json,src}.cpp with
`g++ -std=c++17 -O2 -c` (ours.cpp twice: header-only and with
SIGNALWIRE_SEPARATE_COMPILATION; alternating, median of --compile-runs each).
Raw results are saved under <build-dir>/bench-results/ (they can be fed back with the
--*-json options to re-print the table).

Times are CPU times (user+sys of the benchmark thread, of the compiler processes):
the machine is shared, and CPU time does not count the time another process held the
core. Every ratio is between results of the same run on the same bytes.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (target id, description, kind, threshold)
#   faster:  competitor time / our time >= threshold
#   at_most: our time / baseline time <= threshold
#   info:    competitor time / our time, no target
DECODE_TARGETS = {
    "boost_dom": ("a", "ours >= 3x faster", "faster", 3.0),
    "boost_value_to_plain": ("a", "ours >= 3x faster", "faster", 3.0),
    "nlohmann": ("b", "ours >= 10x faster", "faster", 10.0),
    "null_handler": ("c", "ours <= 1.6x its time", "at_most", 1.6),
    "rapidjson": ("-", "no target; its time / ours", "info", None),
    "simdjson_ondemand": ("d", "ours faster", "faster", 1.0),
}
ENCODE_TARGETS = {
    "boost_value_from_plain": ("e", "ours >= 2.5x faster", "faster", 2.5),
    "nlohmann": ("f", "ours >= 5x faster", "faster", 5.0),
}
CALL_INPUTS = ("fixture", "full")  # the ~1 KB Calls the targets are stated for
# ours_into: decode_into a reused Call (target (l), against null_handler); ours_each: the
# page streamed with decode_each (target (m), MB/s against decode/full/ours).
DECODE_ORDER = ["ours", "ours_into", "ours_each", "null_handler", "boost_dom", "boost_value_to_plain", "nlohmann",
                "rapidjson", "simdjson_ondemand"]
ENCODE_ORDER = ["ours", "boost_value_from_plain", "nlohmann"]
INPUT_ORDER = ["fixture", "full", "page"]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def run_benchmark(exe, args, out_path):
    cmd = [exe, "--benchmark_format=json", f"--benchmark_repetitions={args.repetitions}",
           "--benchmark_report_aggregates_only=true", "--benchmark_enable_random_interleaving=true",
           f"--benchmark_min_time={args.min_time}"]
    print(f"report.py: running {' '.join(cmd)}", file=sys.stderr, flush=True)
    res = run(cmd, stdout=subprocess.PIPE, text=True)
    with open(out_path, "w") as f:
        f.write(res.stdout)
    return json.loads(res.stdout)


def medians(bench_json):
    """name -> {ns, mbps, cv}: medians of cpu_time and bytes_per_second."""
    out = {}
    cvs = {}
    for b in bench_json["benchmarks"]:
        if b.get("run_type") != "aggregate":
            continue
        name = b["run_name"]
        unit = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        if b["aggregate_name"] == "median":
            out[name] = {"ns": b["cpu_time"] * unit, "mbps": b.get("bytes_per_second", 0.0) / 1e6}
        elif b["aggregate_name"] == "cv":
            cvs[name] = b["cpu_time"]
    for name, cv in cvs.items():
        if name in out:
            out[name]["cv"] = cv
    return out


def run_heap(args, out_path):
    exe = os.path.join(args.build_dir, "bench", "heap_peak")
    print(f"report.py: running {exe}", file=sys.stderr, flush=True)
    res = run([exe], stdout=subprocess.PIPE, text=True)
    with open(out_path, "w") as f:
        f.write(res.stdout)
    return json.loads(res.stdout)


RSS_PAGE = os.path.join("bench", "page-20000.json")  # made by the build (bench/write_page)
RSS_CALLS = 20000


def timed_run(cmd, tmp):
    """(peak RSS in KiB, wall s, CPU s, stdout) of cmd, from GNU time (a fork()ing parent:
    os.wait4 here would also count this Python process, which the child starts as)."""
    out = os.path.join(tmp, "time.txt")
    res = subprocess.run(["/usr/bin/time", "-o", out, "-f", "%M %e %U %S"] + cmd, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    if res.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed (exit {res.returncode}):\n{res.stderr.strip()}")
    with open(out) as f:
        rss, wall, user, sys_ = f.read().split()[-4:]
    return int(rss), float(wall), float(user) + float(sys_), res.stdout


def run_rss(args, out_path):
    page = os.path.join(args.build_dir, RSS_PAGE)
    cmds = {"cli": [os.path.join(args.build_dir, "examples", "signalwire-call"), "check", page],
            "decode": [os.path.join(args.build_dir, "bench", "decode_file"), page]}
    expected = {"cli": f"{page}: ok", "decode": str(RSS_CALLS)}
    shown = {"cli": f"signalwire-call check {RSS_PAGE}", "decode": f"bench/decode_file {RSS_PAGE}"}
    if not os.access("/usr/bin/time", os.X_OK):
        return {"error": "GNU time (/usr/bin/time) missing: scripts/deps bench"}
    samples = {k: {"rss_kib": [], "wall": [], "cpu": []} for k in cmds}
    print(f"report.py: measuring peak RSS of {shown['cli']} and {shown['decode']}, {args.rss_runs} runs each",
          file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.rss_runs + 1):  # the first round warms the page cache and is dropped
            for key, cmd in cmds.items():
                try:
                    rss, wall, cpu, stdout = timed_run(cmd, tmp)
                except (OSError, RuntimeError) as e:
                    print(f"report.py: {e}", file=sys.stderr)
                    return {"error": f"{shown[key]} failed"}
                if stdout.strip() != expected[key]:
                    print(f"report.py: {shown[key]} printed {stdout.strip()!r}, not {expected[key]!r}", file=sys.stderr)
                    return {"error": f"{shown[key]} printed something unexpected"}
                if i:
                    samples[key]["rss_kib"].append(rss)
                    samples[key]["wall"].append(wall)
                    samples[key]["cpu"].append(cpu)
    result = {"page_bytes": os.path.getsize(page), "calls": RSS_CALLS, "runs": args.rss_runs,
              "commands": shown, "samples": samples,
              "median": {k: {m: statistics.median(v) for m, v in s.items()} for k, s in samples.items()}}
    with open(out_path, "w") as f:
        json.dump(result, f, indent=1)
    return result


EXPORT_CALLS = (1000, 100000)
EXPORT_FORMATS = ("csv", "ndjson")


def export_input(args, calls):
    """bench/calls-<calls>.ndjson in the build directory, written by bench/write_page --ndjson
    when missing or older than write_page."""
    writer = os.path.join(args.build_dir, "bench", "write_page")
    path = os.path.join(args.build_dir, "bench", f"calls-{calls}.ndjson")
    if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(writer):
        print(f"report.py: writing {path}", file=sys.stderr, flush=True)
        run([writer, "--ndjson", str(calls), path])
    return path


def counted_run(cmd):
    """(lines, bytes) that cmd writes to stdout, read as it goes (not kept)."""
    lines = size = 0
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
        while True:
            chunk = p.stdout.read(1 << 20)
            if not chunk:
                break
            lines += chunk.count(b"\n")
            size += len(chunk)
        err = p.stderr.read().decode(errors="replace")
        if p.wait():
            raise RuntimeError(f"{' '.join(cmd)} failed (exit {p.returncode}):\n{err.strip()}")
    return lines, size


def export_run(cmd, tmp):
    """(peak RSS in KiB from GNU time, wall s, CPU s) of cmd with stdout to /dev/null. CPU is
    this process's RUSAGE_CHILDREN delta (microseconds; GNU time's %U %S are centiseconds,
    too coarse for the 1,000-call runs), which also counts GNU time itself (about 1 ms)."""
    out = os.path.join(tmp, "time.txt")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        res = subprocess.run(["/usr/bin/time", "-o", out, "-f", "%M"] + cmd, stdout=devnull, stderr=subprocess.PIPE,
                             text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed (exit {res.returncode}):\n{res.stderr.strip()}")
    with open(out) as f:
        rss = int(f.read().split()[-1])
    return rss, wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_export(args, out_path):
    cli = os.path.join(args.build_dir, "examples", "signalwire-call")
    if not os.access("/usr/bin/time", os.X_OK):
        return {"error": "GNU time (/usr/bin/time) missing: scripts/deps bench"}
    try:
        inputs = {n: export_input(args, n) for n in EXPORT_CALLS}
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"report.py: {e}", file=sys.stderr)
        return {"error": "bench/write_page --ndjson failed"}
    cmds = {(fmt, n): [cli, "export", "--format", fmt, inputs[n]] for fmt in EXPORT_FORMATS for n in EXPORT_CALLS}
    # One line per call, plus the header row in CSV (the synthetic calls have no newline
    # in any field, so no quoted field spans lines).
    expected_lines = {(fmt, n): n + (fmt == "csv") for fmt, n in cmds}
    samples = {f"{fmt}/{n}": {"rss_kib": [], "wall": [], "cpu": []} for fmt, n in cmds}
    output_bytes = {}
    print(f"report.py: timing signalwire-call export (csv, ndjson) on {', '.join(map(str, EXPORT_CALLS))} calls, "
          f"{args.export_runs} runs each", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        # The first round checks the output and warms the page cache; it is not timed.
        for key, cmd in cmds.items():
            shown = f"signalwire-call export --format {key[0]} bench/calls-{key[1]}.ndjson"
            try:
                lines, size = counted_run(cmd)
            except (OSError, RuntimeError) as e:
                print(f"report.py: {e}", file=sys.stderr)
                return {"error": f"{shown} failed"}
            if lines != expected_lines[key]:
                print(f"report.py: {shown} wrote {lines} lines, not {expected_lines[key]}", file=sys.stderr)
                return {"error": f"{shown} wrote {lines} lines, not {expected_lines[key]}"}
            output_bytes[f"{key[0]}/{key[1]}"] = size
        for _ in range(args.export_runs):
            for (fmt, n), cmd in cmds.items():
                try:
                    rss, wall, cpu = export_run(cmd, tmp)
                except (OSError, RuntimeError) as e:
                    print(f"report.py: {e}", file=sys.stderr)
                    return {"error": f"signalwire-call export --format {fmt} failed"}
                s = samples[f"{fmt}/{n}"]
                s["rss_kib"].append(rss)
                s["wall"].append(wall)
                s["cpu"].append(cpu)
    result = {"input_bytes": {str(n): os.path.getsize(p) for n, p in inputs.items()}, "output_bytes": output_bytes,
              "runs": args.export_runs, "samples": samples,
              "median": {k: {m: statistics.median(v) for m, v in s.items()} for k, s in samples.items()}}
    with open(out_path, "w") as f:
        json.dump(result, f, indent=1)
    return result


def compile_cmd(src, out, build_dir, defines=()):
    """Compiles one probe TU to an object file (-c): the cost every decoding TU pays;
    linking is the same for all of them."""
    return ["g++", "-std=c++17", "-O2", *defines, "-I", os.path.join(build_dir, "generated"),
            "-I", os.path.join(ROOT, "include"), "-c", src, "-o", out]


def timed_compile(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if res.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n" + "\n".join(res.stderr.splitlines()[:15]))
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def run_compile(args, out_path):
    ours = os.path.join(ROOT, "bench", "compile_time", "ours.cpp")
    # key: (source, extra flags). "separate": the same TU under separate compilation
    # (SIGNALWIRE_SEPARATE_COMPILATION; decode and encode compiled once elsewhere, in the
    # TU that includes <signalwire/src.hpp>, which is "src").
    sources = {"ours": (ours, ()),
               "separate": (ours, ("-DSIGNALWIRE_SEPARATE_COMPILATION",)),
               "src": (os.path.join(ROOT, "bench", "compile_time", "src.cpp"), ("-DSIGNALWIRE_SEPARATE_COMPILATION",)),
               "boost_json": (os.path.join(ROOT, "bench", "compile_time", "boost_json.cpp"), ())}
    samples = {k: {"cpu": [], "wall": []} for k in sources}
    sizes = {}
    print(f"report.py: timing {args.compile_runs} compiles of each compile-time probe", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.compile_runs + 1):  # the first round warms the caches and is dropped
            for key, (src, defines) in sources.items():
                out = os.path.join(tmp, key + ".o")
                try:
                    cpu, wall = timed_compile(compile_cmd(src, out, args.build_dir, defines))
                    sizes[key] = os.path.getsize(out)
                except RuntimeError as e:
                    print(f"report.py: {e}", file=sys.stderr)
                    return {"error": f"{os.path.basename(src)} does not compile",
                            "command": " ".join(compile_cmd("<probe>.cpp", "<out>", args.build_dir))}
                if i:
                    samples[key]["cpu"].append(cpu)
                    samples[key]["wall"].append(wall)
    result = {"command": " ".join(compile_cmd("<probe>.cpp", "<out>", args.build_dir)), "runs": args.compile_runs,
              "samples": samples, "object_bytes": sizes,
              "median_cpu_s": {k: statistics.median(v["cpu"]) for k, v in samples.items()},
              "median_wall_s": {k: statistics.median(v["wall"]) for k, v in samples.items()}}
    with open(out_path, "w") as f:
        json.dump(result, f, indent=1)
    return result


def load_json(path):
    with open(path) as f:
        return json.load(f)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def compiler_version():
    try:
        return subprocess.run(["g++", "--version"], stdout=subprocess.PIPE, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def source_version():
    try:
        return subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True).stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def fmt_ns(ns):
    return f"{ns:,.0f}"


def fmt_mbps(mbps):
    return f"{mbps:,.0f}" if mbps else ""


def verdict(kind, ratio, threshold):
    ok = ratio >= threshold if kind == "faster" else ratio <= threshold
    return "met" if ok else "missed"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--repetitions", type=int, default=9)
    ap.add_argument("--min-time", type=float, default=0.15)
    ap.add_argument("--compile-runs", type=int, default=5)
    ap.add_argument("--rss-runs", type=int, default=5)
    ap.add_argument("--export-runs", type=int, default=5)
    ap.add_argument("--bench-json")
    ap.add_argument("--native-json")
    ap.add_argument("--heap-json")
    ap.add_argument("--compile-json")
    ap.add_argument("--rss-json")
    ap.add_argument("--export-json")
    ap.add_argument("--skip-native", action="store_true", help="do not run bench_codecs_native")
    args = ap.parse_args()
    args.build_dir = os.path.abspath(args.build_dir)
    results_dir = os.path.join(args.build_dir, "bench-results")
    os.makedirs(results_dir, exist_ok=True)

    bench_json = load_json(args.bench_json) if args.bench_json else run_benchmark(
        os.path.join(args.build_dir, "bench", "bench_codecs"), args, os.path.join(results_dir, "bench_codecs.json"))
    native_json = None
    native_exe = os.path.join(args.build_dir, "bench", "bench_codecs_native")
    if args.native_json:
        native_json = load_json(args.native_json)
    elif not args.skip_native and os.path.exists(native_exe):
        native_json = run_benchmark(native_exe, args, os.path.join(results_dir, "bench_codecs_native.json"))
    heap = load_json(args.heap_json) if args.heap_json else run_heap(args, os.path.join(results_dir, "heap_peak.json"))
    rss = load_json(args.rss_json) if args.rss_json else run_rss(args, os.path.join(results_dir, "cli_rss.json"))
    export = load_json(args.export_json) if args.export_json else run_export(
        args, os.path.join(results_dir, "export.json"))
    comp = load_json(args.compile_json) if args.compile_json else run_compile(
        args, os.path.join(results_dir, "compile_time.json"))

    m = medians(bench_json)
    ctx = bench_json.get("context", {})
    nm = medians(native_json) if native_json else {}
    nctx = native_json.get("context", {}) if native_json else {}

    # ---- header -------------------------------------------------------------------
    print("## signalwire-models benchmarks\n")
    load = ctx.get("load_avg")
    load = ", ".join(f"{x:.2f}" for x in load) if isinstance(load, list) else "?"
    print(f"- date: {ctx.get('date') or datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"- CPU: {cpu_model()} ({os.cpu_count()} logical CPUs, shared; load average at start {load})")
    print(f"- compiler: {compiler_version()}; build: meson --buildtype=release (-O3, generic x86-64)"
          + (f", plus bench_codecs_native (-march=native)" if native_json else ""))
    print(f"- sources: git {source_version()}")
    print(f"- kernel: {platform.system()} {platform.release()}; Google Benchmark library build type: "
          f"{ctx.get('library_build_type', '?')}")
    print(f"- inputs: fixture call-fetch-2019.json {ctx.get('bytes.fixture', '?')} B; "
          f"full synthetic Call (36 fields) {ctx.get('bytes.full', '?')} B; "
          f"page of 1000 calls {ctx.get('bytes.page', '?')} B")
    print(f"- simdjson On-Demand kernel: {ctx.get('simdjson_builtin', '?')} (generic build)"
          + (f", {nctx.get('simdjson_builtin', '?')} (native build)" if native_json else ""))
    print(f"- method: {args.repetitions if not args.bench_json else '?'} repetitions, randomly interleaved, "
          "median CPU time per operation; MB/s = 10^6 bytes of JSON per second (input for decode, our output for "
          "encode); ratios within one run")
    print()

    # ---- table --------------------------------------------------------------------
    rows = []
    met = missed = 0

    def add_row(case, ns=None, mbps=None, cv=None, target="", ratio=None, result=""):
        rows.append((case, "" if ns is None else fmt_ns(ns), "" if mbps is None else fmt_mbps(mbps),
                     "" if cv is None else f"{cv * 100:.1f}%", target,
                     "" if ratio is None else f"{ratio:.2f}x", result))

    def bench_rows(medians_map, op, inp, order, targets, suffix=""):
        nonlocal met, missed
        ours = medians_map.get(f"{op}/{inp}/ours")
        prime = "'" if suffix else ""
        for impl in order:
            r = medians_map.get(f"{op}/{inp}/{impl}")
            if r is None:
                continue
            case = f"{op}/{inp}/{impl}{suffix}"
            null = medians_map.get(f"{op}/{inp}/null_handler")
            single = medians_map.get(f"{op}/full/ours")
            if impl == "ours_into" and null is not None:
                ratio = r["ns"] / null["ns"]
                target = f"(l{prime}) decode_into a reused Call <= 1.6x null_handler's time"
                if inp in CALL_INPUTS:
                    result = verdict("at_most", ratio, 1.6)
                else:
                    result, target = "info", target + " (stated for a Call; info)"
                add_row(case, r["ns"], r["mbps"], r.get("cv"), target, ratio, result)
            elif impl == "ours_each" and single is not None and single["mbps"]:
                ratio = r["mbps"] / single["mbps"]
                add_row(case, r["ns"], r["mbps"], r.get("cv"),
                        f"(m{prime}) streamed page MB/s >= full-Call MB/s (decode/full/ours{suffix})", ratio,
                        verdict("faster", ratio, 1.0))
            elif impl == "ours" or ours is None or impl not in targets:
                target, ratio, result = "", None, ""
                if op == "decode" and inp == "page" and impl == "ours" and not suffix and "decode/full/ours" in m:
                    ratio = r["mbps"] / m["decode/full/ours"]["mbps"]
                    target = "(g) page MB/s >= full-Call MB/s"
                    result = verdict("faster", ratio, 1.0)
                add_row(case, r["ns"], r["mbps"], r.get("cv"), target, ratio, result)
            else:
                tid, desc, kind, threshold = targets[impl]
                ratio = r["ns"] / ours["ns"] if kind != "at_most" else ours["ns"] / r["ns"]
                if kind == "info":
                    result, target = "info", f"({desc})"
                elif inp in CALL_INPUTS:
                    result = verdict(kind, ratio, threshold)
                    target = f"({tid}) {desc}"
                else:
                    result = "info"
                    target = f"({tid}) {desc} (stated for a Call; info)"
                add_row(case, r["ns"], r["mbps"], r.get("cv"), target, ratio, result)
            if rows[-1][6] == "met":
                met += 1
            elif rows[-1][6] == "missed":
                missed += 1

    for inp in INPUT_ORDER:
        bench_rows(m, "decode", inp, DECODE_ORDER, DECODE_TARGETS)
    for inp in INPUT_ORDER:
        bench_rows(nm, "decode", inp, ["ours", "ours_into", "ours_each", "null_handler", "simdjson_ondemand"],
                   {"simdjson_ondemand": ("d'", "ours faster (both -march=native)", "faster", 1.0),
                    "null_handler": ("c'", "ours <= 1.6x its time (both -march=native)", "at_most", 1.6)},
                   suffix=" [native]")
    for inp in ("fixture", "full"):
        bench_rows(m, "encode", inp, ENCODE_ORDER, ENCODE_TARGETS)

    ratio = heap["peak_bytes"] / heap["retained_bytes"]
    result = verdict("at_most", ratio, 2.0)
    met, missed = met + (result == "met"), missed + (result == "missed")
    add_row(f"heap: page decode, peak {heap['peak_bytes']:,} B vs retained {heap['retained_bytes']:,} B "
            f"({heap['allocations']:,} allocations)", target="(h) peak <= 2x retained", ratio=ratio, result=result)

    if "error" in rss:
        missed += 1
        add_row(f"rss: {rss['error']}", target="(j) CLI <= 1.2x decode's", result="missed (no measurement)")
    else:
        cli, dec = rss["median"]["cli"], rss["median"]["decode"]
        ratio = cli["rss_kib"] / dec["rss_kib"]
        result = verdict("at_most", ratio, 1.2)
        met, missed = met + (result == "met"), missed + (result == "missed")
        add_row(f"rss: `signalwire-call check` on a {rss['calls']:,}-call page ({rss['page_bytes']:,} B), peak RSS "
                f"{cli['rss_kib']:,.0f} KiB vs decode_file (same read, one CallList decode) {dec['rss_kib']:,.0f} KiB "
                f"(wall {cli['wall']:.2f} / {dec['wall']:.2f} s; median of {rss['runs']})",
                target="(j) CLI peak RSS <= 1.2x decode's", ratio=ratio, result=result)

    if "error" in export:
        missed += 1
        add_row(f"export: {export['error']}", target="(n) peak RSS 100,000 calls <= 2x 1,000 calls'",
                result="missed (no measurement)")
    else:
        med = export["median"]
        for fmt in EXPORT_FORMATS:
            small, big = f"{fmt}/{EXPORT_CALLS[0]}", f"{fmt}/{EXPORT_CALLS[-1]}"
            for key in (small, big):
                n = key.split("/")[1]
                size = export["input_bytes"][n]
                x = med[key]
                case = (f"export: `signalwire-call export --format {fmt}`, {int(n):,} calls ({size / 1e6:,.1f} MB NDJSON "
                        f"-> {export['output_bytes'][key] / 1e6:,.1f} MB), peak RSS {x['rss_kib']:,.0f} KiB, "
                        f"{x['cpu']:.3f} s CPU (wall {x['wall']:.3f} s; median of {export['runs']})")
                if key == small:
                    add_row(case, mbps=size / 1e6 / x["cpu"], target="(info: MB/s of input per CPU second)",
                            result="info")
                else:
                    ratio = x["rss_kib"] / med[small]["rss_kib"]
                    result = verdict("at_most", ratio, 2.0)
                    met, missed = met + (result == "met"), missed + (result == "missed")
                    add_row(case, mbps=size / 1e6 / x["cpu"],
                            target=f"(n) peak RSS <= 2x the {EXPORT_CALLS[0]:,}-call export's", ratio=ratio,
                            result=result)

    if "error" in comp:
        missed += 1
        add_row(f"compile: {comp['error']}", target="(i) ours <= 1.5x", result="missed (no measurement)")
    else:
        cpu = comp["median_cpu_s"]
        wall = comp["median_wall_s"]
        ratio = cpu["ours"] / cpu["boost_json"]
        result = verdict("at_most", ratio, 1.5)
        met, missed = met + (result == "met"), missed + (result == "missed")
        size = comp["object_bytes"]
        add_row(f"compile: ours.cpp header-only {cpu['ours']:.2f} s, {size['ours'] // 1024:,} KiB .o vs boost_json.cpp "
                f"{cpu['boost_json']:.2f} s, {size['boost_json'] // 1024:,} KiB .o CPU "
                f"(wall {wall['ours']:.2f} / {wall['boost_json']:.2f} s; median of {comp['runs']})",
                target="(i) header-only <= 1.5x", ratio=ratio, result=result)
        ratio = cpu["separate"] / cpu["boost_json"]
        result = verdict("at_most", ratio, 1.5)
        met, missed = met + (result == "met"), missed + (result == "missed")
        add_row(f"compile: ours.cpp with SIGNALWIRE_SEPARATE_COMPILATION {cpu['separate']:.2f} s, "
                f"{size['separate'] // 1024:,} KiB .o vs boost_json.cpp {cpu['boost_json']:.2f} s "
                f"(the one src.hpp TU, paid once: {cpu['src']:.2f} s, {size['src'] // 1024:,} KiB .o)",
                target="(k) separate <= 1.5x", ratio=ratio, result=result)

    header = ("case", "ns/op", "MB/s", "cv", "target", "ratio", "result")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---", "---:", "---:", "---:", "---", "---:", "---"]) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(f"Targets met: {met}, missed: {missed}. Ratios: 'faster' targets are competitor time / our time; "
          "(c), (h), (i), (j), (k), (l), (n) are ours / baseline; (g), (m) are MB/s / the full Call's MB/s. "
          "(a)-(f), (l) are judged on the two ~1 KB Calls; page rows are info except (g) and (m). "
          "cv = coefficient of variation of the repetitions.")
    print(f"Compile command: {comp['command']} (with -DSIGNALWIRE_SEPARATE_COMPILATION for (k))")


if __name__ == "__main__":
    main()
