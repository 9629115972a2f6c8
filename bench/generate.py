#!/usr/bin/env python3
"""Whole-process wall time of `vpmon generate` on the example spec, against `vpmon --version`
and a trivial Java main (the JVM floor), measured round-robin in the same run.

  make build && bench/generate.py [--runs 15]

Prints the median and min of each variant and the ratios of the medians. The issue's target:
generate <= 1.5 x --version.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VPMON = os.path.join(ROOT, "target", "vpmon")
SPEC = os.path.join(ROOT, "examples", "visionplant.yaml")
TRIVIAL_MAIN = "public class Hello { public static void main(String[] a) { System.out.println(\"hi\"); } }\n"


def timed(cmd):
    start = time.perf_counter()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), result.stderr.decode()))
    return elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    if not os.path.exists(VPMON):
        sys.exit("build first: make build")
    work = tempfile.mkdtemp(prefix="vpmon-bench-")
    try:
        with open(os.path.join(work, "Hello.java"), "w") as fh:
            fh.write(TRIVIAL_MAIN)
        subprocess.run(["javac", "-d", work, os.path.join(work, "Hello.java")], check=True)
        out = os.path.join(work, "out")
        variants = {
            "jvm floor (trivial main)": ["java", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", work, "Hello"],
            "vpmon --version": [VPMON, "--version"],
            "vpmon generate (example)": [VPMON, "generate", "-f", SPEC, "-o", out],
        }
        for cmd in variants.values():  # warm the page cache and the CDS archive
            timed(cmd)
        times = {name: [] for name in variants}
        for _ in range(args.runs):
            for name, cmd in variants.items():
                times[name].append(timed(cmd))
        medians = {name: statistics.median(t) for name, t in times.items()}
        print("runs per variant: %d (round-robin)" % args.runs)
        for name, t in times.items():
            print("  %-26s median %6.0f ms   min %6.0f ms" % (name, medians[name] * 1000, min(t) * 1000))
        floor, version, generate = (medians[n] for n in variants)
        print("ratios of medians:")
        print("  generate / --version  %.2f   (target <= 1.5)" % (generate / version))
        print("  generate / jvm floor  %.2f" % (generate / floor))
        print("  --version / jvm floor %.2f" % (version / floor))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
