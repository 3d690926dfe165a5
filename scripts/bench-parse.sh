#!/usr/bin/env bash
# Parse-throughput benchmark: Airlock's HCL parser vs HashiCorp's Go parser
# (hclsyntax, via .build-tools/hclref) vs python-hcl2 (Lark), in one run, on
# byte-for-byte the same input.
#
# What it measures (MB/s = 1e6 bytes of HCL source per wall-clock second,
# plus the peak RSS of the measured process):
#   airlock  whole process   `airlock parse --format json FILES >/dev/null`
#                            (start-up, reading, parsing, JSON tree output)
#   airlock  whole process   `airlock parse --format text FILES >/dev/null`
#            (no JSON)       (same minus the JSON tree; prints diagnostics only,
#                            the closest thing to "parse only" the CLI has)
#   hclref   whole process   `hclref FILES >/dev/null` (Go parser + its JSON dump,
#                            the same tree shape as airlock's JSON, but indented)
#   hclref   in-process      `hclref -bench 3 FILES`: files read first, then 3
#                            timed passes of hclsyntax.ParseConfig; its mb_per_s
#   python-hcl2 in-process   hcl2.loads() on texts read beforehand, after a
#                            warm-up call that builds the Lark parser; it is
#                            ~100x slower, so it parses a fixed subset: the first
#                            ceil(COPIES/BENCH_PY_DIV) copies of the corpus (see
#                            below), which has exactly the full corpus' make-up.
# Each row is the best of BENCH_RUNS (default 3) runs; wall time is
# time.perf_counter() around the child process (or around the parse loop for
# the in-process rows), peak RSS is ru_maxrss of that child from wait4().
#
# Why the numbers are comparable: every parser gets the same file list, built
# here. The base set is the real Terraform/HCL corpus under Tests/Corpus/hcl2
# (from scripts/hcl-corpus.sh) minus the files python-hcl2 rejects -- those
# are left out for ALL parsers. The base set is copied COPIES times into
# .build-tools/bench-corpus/copy-NNN/ so the total is ~BENCH_MB (default 20)
# MB, and the list (find | LC_ALL=C sort) is passed as explicit paths to both
# airlock and hclref (checked against ARG_MAX). hclref -bench reports the byte
# count it read, which is checked against ours. Whole-process rows include
# process start-up, handling of the ~7000 path arguments, and output writing
# for both; the "airlock vs hclref in-process" ratio compares airlock's whole
# process (text mode) with Go's parse loop alone, so it is conservative for
# airlock; likewise airlock vs python-hcl2 compares airlock's whole process
# with python's parse loop.
#
# Output: a table and ratios on stdout; the same as JSON in
# .build-tools/bench-parse.json. Ratios are airlock MB/s / other MB/s (>1 means
# airlock is faster).
#
# Env: BENCH_MB (target corpus size, default 20), BENCH_RUNS (default 3),
#      BENCH_PY_DIV (python-hcl2 parses 1/BENCH_PY_DIV of the copies, default 20).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
TOOLS="$REPO/.build-tools"
VENV="$TOOLS/venv-bench"
CORPUS_DIR=".build-tools/bench-corpus"          # relative: keeps argv short
LIST="$TOOLS/bench-corpus.list"
DRIVER="$TOOLS/bench-parse-driver.py"
OUT_JSON="$TOOLS/bench-parse.json"
BENCH_MB="${BENCH_MB:-20}"
BENCH_RUNS="${BENCH_RUNS:-3}"
BENCH_PY_DIV="${BENCH_PY_DIV:-20}"
START=$SECONDS
mkdir -p "$TOOLS"

# 1. Build both parsers.
echo "== building airlock (release) and hclref" >&2
swift build -c release --product airlock >&2
swift build -c release --product parse-benchmark >&2
AIRLOCK="$(swift build -c release --show-bin-path)/airlock"

HCLREF="$(bash scripts/build-hclref.sh | tail -n 1)"

# 2. python-hcl2 in its own venv.
if ! "$VENV/bin/python" -c 'import hcl2' >/dev/null 2>&1; then
    echo "== installing python-hcl2 into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check python-hcl2 >&2
fi
PY="$VENV/bin/python"

# The measuring driver (also the python-hcl2 harness, run as a child process).
cat > "$DRIVER" <<'PYEOF'
import json, math, os, subprocess, sys, time

def rusage_run(argv, capture=False):
    """Run argv (stdout to /dev/null unless capture); return
    (wall s, peak RSS MB of that child, its cpu s, exit code, captured stdout)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    out = p.stdout.read() if capture else b""
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_maxrss / 1024, ru.ru_utime + ru.ru_stime, p.returncode, out

def cmd_check(paths):
    """Print the paths python-hcl2 fails to parse, one per line (reasons on stderr)."""
    import hcl2
    for p in paths:
        try:
            with open(p, encoding="utf-8") as f:
                hcl2.loads(f.read())
        except Exception as e:  # any rejection excludes the file
            msg = (str(e).splitlines() or [""])[0][:100]
            print(f"  python-hcl2 rejects {p}: {type(e).__name__}: {msg}", file=sys.stderr)
            print(p)

def cmd_hcl2(passes, paths):
    """In-process python-hcl2 throughput over paths, best pass; JSON on stdout."""
    import hcl2
    hcl2.loads('warm_up = "builds the Lark parser"\n')
    texts = []
    for p in paths:
        with open(p, "rb") as f:
            texts.append(f.read().decode("utf-8"))
    total = sum(len(t.encode("utf-8")) for t in texts)
    best = None
    for _ in range(passes):
        t0 = time.perf_counter()
        for t in texts:
            hcl2.loads(t)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(json.dumps({"files": len(paths), "bytes": total, "passes": passes,
                      "seconds": best, "mb_per_s": total / 1e6 / best}))

def cmd_run(cfg):
    files = [l for l in open(cfg["list"]).read().splitlines() if l]
    total = sum(os.path.getsize(f) for f in files)
    runs, copies = cfg["runs"], cfg["copies"]
    py_copies = max(1, math.ceil(copies / cfg["py_div"]))
    py_files = [f for f in files
                if int(f.split("/copy-")[1].split("/")[0]) <= py_copies]
    py_bytes = sum(os.path.getsize(f) for f in py_files)
    rows = []

    def whole(parser, mode, argv, ok_rcs=(0, 1)):
        best = None
        for i in range(runs):
            wall, rss, cpu, rc, _ = rusage_run(argv)
            if rc not in ok_rcs:
                sys.exit(f"bench-parse: {argv[0]} exited {rc}")
            print(f"  {parser} {mode} run {i+1}: {wall:.3f} s, {rss:.0f} MB", file=sys.stderr)
            if best is None or wall < best["seconds"]:
                best = {"seconds": wall, "rss_mb": rss, "cpu_s": cpu}
        rows.append({"parser": parser, "mode": mode, "bytes": total, "files": len(files),
                     "mb_per_s": total / 1e6 / best["seconds"], **best})

    def inproc(parser, mode, argv, expect_bytes, nfiles):
        best = None
        for i in range(runs):
            wall, rss, cpu, rc, out = rusage_run(argv, capture=True)
            if rc != 0:
                sys.exit(f"bench-parse: {argv[0]} exited {rc}")
            r = json.loads(out)
            if r["bytes"] != expect_bytes:
                sys.exit(f"bench-parse: {parser} read {r['bytes']} bytes, expected {expect_bytes}")
            print(f"  {parser} {mode} run {i+1}: {r['mb_per_s']:.3f} MB/s, {rss:.0f} MB", file=sys.stderr)
            if best is None or r["mb_per_s"] > best["mb_per_s"]:
                best = {"mb_per_s": r["mb_per_s"], "seconds": r["seconds"],
                        "passes": r["passes"], "rss_mb": rss, "process_seconds": wall}
        rows.append({"parser": parser, "mode": mode, "bytes": expect_bytes,
                     "files": nfiles, **best})

    A, H, AB = cfg["airlock"], cfg["hclref"], cfg["airlock_bench"]
    # airlock reads the file list with --files-from: thousands of path arguments are slow
    # in swift-argument-parser (time grows with their square).
    alist = ["--files-from", cfg["list"]]
    # Untimed warm-up on the whole list: page cache, binaries loaded.
    for argv in ([A, "parse", "--format", "json"] + alist, [H] + files):
        rusage_run(argv)
    print("== measuring (best of %d)" % runs, file=sys.stderr)
    whole("airlock", "whole process, --format json", [A, "parse", "--format", "json"] + alist)
    whole("airlock", "whole process, --format text (no JSON)", [A, "parse", "--format", "text"] + alist)
    whole("hclref (Go)", "whole process, JSON dump", [H] + files)
    inproc("airlock", "in-process parse only (parse-benchmark 3)", [AB, "3"] + files, total, len(files))
    inproc("hclref (Go)", "in-process parse only (-bench 3)", [H, "-bench", "3"] + files,
           total, len(files))
    inproc("python-hcl2", f"in-process hcl2.loads ({py_copies}/{copies} of corpus)",
           [sys.executable, __file__, "hcl2", str(runs)] + py_files, py_bytes, len(py_files))

    a_json = rows[0]["mb_per_s"]; a_text = rows[1]["mb_per_s"]
    h_whole = rows[2]["mb_per_s"]; a_bench = rows[3]["mb_per_s"]; h_bench = rows[4]["mb_per_s"]
    p = rows[5]["mb_per_s"]
    ratios = {
        "airlock vs hclref, in-process parse only": a_bench / h_bench,
        "airlock vs hclref, whole process with JSON output": a_json / h_whole,
        "airlock vs python-hcl2, in-process parse only": a_bench / p,
    }

    print()
    print(f"Corpus: {len(files)} files, {total} bytes ({total/1e6:.2f} MB) = "
          f"{copies} copies of {cfg['base_files']} files / {cfg['base_bytes']} bytes; "
          f"python-hcl2 subset: {len(py_files)} files, {py_bytes} bytes")
    print(f"Each row: best of {runs} runs.")
    w = max(len(r["parser"]) for r in rows); m = max(len(r["mode"]) for r in rows)
    print(f"{'parser':<{w}}  {'mode':<{m}}  {'MB/s':>8}  {'peak RSS MB':>11}")
    for r in rows:
        print(f"{r['parser']:<{w}}  {r['mode']:<{m}}  {r['mb_per_s']:>8.3f}  {r['rss_mb']:>11.0f}")
    print()
    for k, v in ratios.items():
        print(f"{k}: {v:.2f}x")
    result = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "method": f"best of {runs}; MB/s = 1e6 source bytes per wall second; "
                  "RSS = ru_maxrss of the measured process",
        "corpus": {"files": len(files), "bytes": total, "copies": copies,
                   "base_files": cfg["base_files"], "base_bytes": cfg["base_bytes"],
                   "excluded_python_hcl2_rejects": cfg["excluded"],
                   "python_hcl2_subset": {"copies": py_copies, "files": len(py_files),
                                          "bytes": py_bytes}},
        "host": {"cpus": os.cpu_count()},
        "rows": rows,
        "ratios": ratios,
    }
    with open(cfg["out"], "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(f"\nwrote {cfg['out']}")

if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "check":
        cmd_check(sys.argv[2:])
    elif mode == "hcl2":
        cmd_hcl2(int(sys.argv[2]), sys.argv[3:])
    elif mode == "run":
        cmd_run(json.loads(sys.argv[2]))
PYEOF

# 3. Benchmark corpus: Tests/Corpus/hcl2 minus python-hcl2 rejects, copied N times.
BASE_PREFIX="$REPO/Tests/Corpus/hcl2/"
mapfile -t BASE < <(bash scripts/hcl-corpus.sh | grep -F "$BASE_PREFIX" | grep -v '/fuzz/')
[ "${#BASE[@]}" -gt 0 ] || { echo "bench-parse: no files under $BASE_PREFIX" >&2; exit 1; }
echo "== checking which of ${#BASE[@]} corpus files python-hcl2 can parse" >&2
mapfile -t EXCLUDED < <("$PY" "$DRIVER" check "${BASE[@]}")
declare -A SKIP=()
for f in "${EXCLUDED[@]}"; do SKIP["$f"]=1; done
KEEP=()
for f in "${BASE[@]}"; do
    [ -n "${SKIP[$f]+x}" ] || KEEP+=("${f#"$BASE_PREFIX"}")
done
BASE_BYTES=$(cd "$BASE_PREFIX" && cat -- "${KEEP[@]}" | wc -c)
COPIES=$(( (BENCH_MB * 1000000 + BASE_BYTES - 1) / BASE_BYTES ))

rm -rf "$CORPUS_DIR"
for i in $(seq -f '%03g' 1 "$COPIES"); do
    mkdir -p "$CORPUS_DIR/copy-$i"
    (cd "$BASE_PREFIX" && cp --parents -- "${KEEP[@]}" "$REPO/$CORPUS_DIR/copy-$i/")
done
find "$CORPUS_DIR" -type f | LC_ALL=C sort > "$LIST"
NFILES=$(wc -l < "$LIST")
TOTAL=$(xargs -d '\n' cat < "$LIST" | wc -c)
echo "Benchmark corpus: $NFILES files, $TOTAL bytes in $CORPUS_DIR" \
     "($COPIES copies of ${#KEEP[@]} files, $BASE_BYTES bytes;" \
     "${#EXCLUDED[@]} python-hcl2 rejects excluded)"

# The file list goes on one command line: make sure it fits.
ARGV_BYTES=$(( $(wc -c < "$LIST") + 8 * NFILES + $(env | wc -c) + 4096 ))
if [ "$ARGV_BYTES" -ge "$(getconf ARG_MAX)" ]; then
    echo "bench-parse: file list ($ARGV_BYTES bytes) exceeds ARG_MAX; lower BENCH_MB" >&2
    exit 1
fi

# 4-5. Measure, print table and ratios, write JSON.
CFG=$("$PY" -c 'import json,sys; print(json.dumps({
    "list": sys.argv[1], "airlock": sys.argv[2], "hclref": sys.argv[3], "airlock_bench": sys.argv[2].rsplit("/", 1)[0] + "/parse-benchmark",
    "runs": int(sys.argv[4]), "copies": int(sys.argv[5]), "py_div": int(sys.argv[6]),
    "base_files": int(sys.argv[7]), "base_bytes": int(sys.argv[8]), "out": sys.argv[9],
    "excluded": [p for p in sys.argv[10:]]}))' \
    "$LIST" "$AIRLOCK" "$HCLREF" "$BENCH_RUNS" "$COPIES" "$BENCH_PY_DIV" \
    "${#KEEP[@]}" "$BASE_BYTES" "$OUT_JSON" "${EXCLUDED[@]#"$REPO/"}")
"$PY" "$DRIVER" run "$CFG"
echo "Total script time: $(( SECONDS - START )) s"
