#!/usr/bin/python3
"""Benchmark 'vpmon drift check' against the seed's Python pipeline on the same files, same run.

  make build   # or: mvn -q -DskipTests package  (needs target/vpmon.jar)
  /usr/bin/python3 bench/drift/bench.py [--rounds 3] [--n 5000] [--formats png,jpeg] [--memory]

Batches: bench/work/batches/{png,jpeg}/{ref,cur}, made once by ../shared/bench/make_batch.py
(N images of 256x256 each; the current batch brightened by 2 levels), so the check finds a drift.

Variants, each a whole process timed from outside (JVM or interpreter start-up included), run
round-robin for --rounds rounds after one untimed pass that warms the page cache:
  seed-1proc      the seed's pipeline as written (PIL + numpy + scipy, one process)
  seed-2proc      the same spread over both cores
  pil-decode-2    PIL decode only on 2 processes (the Python decode floor)
  vpmon           java -jar target/vpmon.jar drift check (streaming PNG decoder, all cores, the
                  default table output: --output json adds ~0.25 s of Jackson start-up)
  vpmon-imageio   the same with --png-decoder imageio (PNG only)
  vpmon-decode    vpmon's decode-only loop: the same command with the hidden --decode-only, so the
                  same start-up, listing, decoders and threads, but no features and no statistics
  vpmon-decode-imageio   the same for the ImageIO PNG decoder
images/s = (reference + current files) / wall seconds; the table shows the best (min time) and
the median round and the median CPU seconds (user + sys, children included); ratios are given
for each. On a shared machine the CPU figures are the steadier ones.

Also checks that vpmon and the seed agree: per feature D and p (identical decoders for PNG, so
the differences are rounding; JPEG decoders differ slightly, libjpeg vs libjpeg-turbo).

--memory: 100,000 images (symbolic links to the JPEG batch, ten per file) checked with the heap
capped at 256 MB (and 64 MB), reporting the largest heap occupancy the GC log shows.
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORK = os.path.join(ROOT, "bench", "work")
BATCHES = os.path.join(WORK, "batches")
SHARED = os.environ.get("VPMON_SEED_BENCH", os.path.join(ROOT, "..", "shared", "bench"))
JAR = os.path.join(ROOT, "target", "vpmon.jar")
PY = "/usr/bin/python3"
JAVA = [shutil.which("java") or "java", "-XX:+UseSerialGC", "-Xshare:auto"]  # the launcher's flags


def ensure_batches(n):
    for fmt in ("png", "jpeg"):
        for name, seed, shift in (("ref", 1, 0), ("cur", 2, 2)):
            out = os.path.join(BATCHES, fmt, name)
            have = len(os.listdir(out)) if os.path.isdir(out) else 0
            if have != n:
                print("making %s (%d images)..." % (out, n), file=sys.stderr)
                shutil.rmtree(out, ignore_errors=True)
                subprocess.run([PY, os.path.join(SHARED, "make_batch.py"), out, "--n", str(n), "--seed", str(seed),
                                "--shift", str(shift), "--format", fmt], check=True, stdout=subprocess.DEVNULL)


def ensure_tools():
    if not os.path.exists(JAR):
        sys.exit("no %s: build it first (mvn -q -DskipTests package)" % JAR)


def warm(paths):
    for d in paths:
        for name in os.listdir(d):
            with open(os.path.join(d, name), "rb") as fh:
                while fh.read(1 << 20):
                    pass


def variants(fmt):
    ref = os.path.join(BATCHES, fmt, "ref")
    cur = os.path.join(BATCHES, fmt, "cur")
    vpmon = JAVA + ["-jar", JAR, "drift", "check", "--reference", ref, "--current", cur]
    out = {
        "seed-1proc": [PY, os.path.join(SHARED, "seed_drift.py"), "--reference", ref, "--current", cur],
        "seed-2proc": [PY, os.path.join(SHARED, "seed_drift.py"), "--reference", ref, "--current", cur, "--procs", "2"],
        "pil-decode-2": [PY, os.path.join(SHARED, "decode_floor.py"), ref, cur, "--procs", "2"],
        "vpmon": vpmon,
        "vpmon-decode": vpmon + ["--decode-only"],
    }
    if fmt == "png":
        out["vpmon-imageio"] = vpmon + ["--png-decoder", "imageio"]
        out["vpmon-decode-imageio"] = vpmon + ["--png-decoder", "imageio", "--decode-only"]
    return out


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd):
    """(wall seconds, CPU seconds of the process and its children, stdout)."""
    c0 = cpu_seconds()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):  # drift check exits 1 on drift
        sys.exit("failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd), proc.stderr[-2000:]))
    return elapsed, cpu_seconds() - c0, proc.stdout


def agreement(seed_json, vpmon_json):
    seed = json.loads(seed_json)["features"]
    ours = {f["feature"]: f for f in json.loads(vpmon_json)["features"]}
    rows = []
    for name, s in seed.items():
        o = ours[name]
        rel_p = abs(o["p_value"] - s["p"]) / s["p"] if s["p"] > 0 else abs(o["p_value"])
        rows.append((name, s["D"], o["statistic"], s["p"], o["p_value"], rel_p))
    return rows


def run_format(fmt, n, rounds):
    ref = os.path.join(BATCHES, fmt, "ref")
    cur = os.path.join(BATCHES, fmt, "cur")
    files = len(os.listdir(ref)) + len(os.listdir(cur))
    warm([ref, cur])
    cmds = variants(fmt)
    times = {k: [] for k in cmds}
    cpu = {k: [] for k in cmds}
    outputs = {}
    for name, cmd in cmds.items():  # untimed pass: every file read once more, outputs kept
        _, _, outputs[name] = timed(cmd)
    _, _, outputs["vpmon-json"] = timed(cmds["vpmon"] + ["--output", "json"])
    for r in range(rounds):
        for name, cmd in cmds.items():
            t, c, _ = timed(cmd)
            times[name].append(t)
            cpu[name].append(c)
        print("  %s round %d/%d done" % (fmt, r + 1, rounds), file=sys.stderr)
    print("\n%s: %d + %d images of 256x256, %d rounds, whole-process wall time" % (fmt.upper(), n, n, rounds))
    print("  %-22s %10s %10s %8s %8s %9s" % ("variant", "best img/s", "med img/s", "best s", "med s", "med CPU s"))
    best = {k: min(v) for k, v in times.items()}
    med = {k: statistics.median(v) for k, v in times.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
    for name in times:
        print("  %-22s %10.0f %10.0f %8.2f %8.2f %9.2f" % (name, files / best[name], files / med[name], best[name],
                                                          med[name], med_cpu[name]))

    def ratio(label, num, den, target=""):
        print("    %-30s best %5.2fx  median %5.2fx  %s" % (label, best[num] / best[den], med[num] / med[den], target))

    def overhead(label, full, floor, target=""):
        print("    %-30s best %+4.0f%%   median %+4.0f%%   CPU %+4.0f%%   %s" % (
            label, 100 * (best[full] / best[floor] - 1), 100 * (med[full] / med[floor] - 1),
            100 * (med_cpu[full] / med_cpu[floor] - 1), target))

    print("  ratios:")
    ratio("vpmon vs seed-1proc", "seed-1proc", "vpmon", "(target >= 2)")
    ratio("vpmon vs seed-2proc", "seed-2proc", "vpmon", "(target >= 1)")
    overhead("statistics+tests on decode", "vpmon", "vpmon-decode", "(target <= +30%)")
    ratio("vpmon decode vs PIL decode-2", "pil-decode-2", "vpmon-decode")
    ratio("vpmon check vs PIL decode-2", "pil-decode-2", "vpmon")
    if fmt == "png":
        ratio("streaming vs ImageIO check", "vpmon-imageio", "vpmon")
        overhead("statistics+tests, ImageIO", "vpmon-imageio", "vpmon-decode-imageio")
    print("  agreement with the seed (scipy %s):" % json.loads(outputs["seed-1proc"])["versions"]["scipy"])
    print("    %-16s %11s %11s %12s %12s %9s" % ("feature", "D seed", "D vpmon", "p seed", "p vpmon", "rel. dp"))
    for row in agreement(outputs["seed-1proc"], outputs["vpmon-json"]):
        print("    %-16s %11.6f %11.6f %12.4e %12.4e %9.1e" % row)
    return med


def memory_test():
    src = os.path.join(BATCHES, "jpeg")
    links = os.path.join(WORK, "links100k")
    for name in ("ref", "cur"):
        d = os.path.join(links, name)
        if not os.path.isdir(d) or len(os.listdir(d)) != 50000:
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            files = sorted(os.listdir(os.path.join(src, name)))
            for copy in range(10):
                for f in files:
                    os.symlink(os.path.join(src, name, f), os.path.join(d, "c%d_%s" % (copy, f)))
    warm([os.path.join(src, "ref"), os.path.join(src, "cur")])
    print("\nMemory: 100,000 JPEG images (50,000 per batch; symbolic links, ten to each file)")
    for xmx in ("256m", "64m"):
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "gc.log")
            cmd = [JAVA[0], "-XX:+UseSerialGC", "-Xmx" + xmx, "-Xlog:gc:file=" + log, "-jar", JAR, "drift", "check",
                   "--reference", os.path.join(links, "ref"), "--current", os.path.join(links, "cur"), "--output", "json"]
            t0 = time.perf_counter()
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            elapsed = time.perf_counter() - t0
            peak = 0
            with open(log) as fh:
                for line in fh:
                    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
                    if m:
                        peak = max(peak, int(m.group(1)))
            ok = proc.returncode in (0, 1)
            images = json.loads(proc.stdout)["batches"] if ok else None
            print("  -Xmx%-5s exit %d, %.1f s (%.0f img/s), %s images, peak heap before a GC %d MB"
                  % (xmx, proc.returncode, elapsed, 100000 / elapsed,
                     "%d + %d" % (images["reference"]["images"], images["current"]["images"]) if images else "?", peak))
            if not ok:
                print("    " + proc.stderr.strip()[-500:])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--n", type=int, default=5000, help="images per batch (default 5000)")
    ap.add_argument("--formats", default="png,jpeg")
    ap.add_argument("--memory", action="store_true", help="also run the 100k-image heap test")
    args = ap.parse_args()
    ensure_batches(args.n)
    ensure_tools()
    print("machine: %d cores, %s; load average before: %s" % (os.cpu_count(), subprocess.run(
        ["java", "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()[0],
        " ".join("%.2f" % x for x in os.getloadavg())))
    for fmt in args.formats.split(","):
        run_format(fmt, args.n, args.rounds)
    if args.memory:
        memory_test()
    print("\nload average after: %s" % " ".join("%.2f" % x for x in os.getloadavg()))


if __name__ == "__main__":
    main()
