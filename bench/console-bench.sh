#!/usr/bin/env bash
# Console benchmark: 100,000 generated titles and 1,000,000 QoE events, every console page's
# server time (p50/p95, target p95 < 300 ms) and the job grid's push latency from a committed chunk
# change to its event on the page's stream (target p95 < 1 s). Loopback only, bounded, temporary
# home deleted afterwards; writes bench/results/console.json.
#   bash bench/console-bench.sh                build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/console-bench.sh   reuse the last build (only bench is recompiled)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

bench_build
wlp=$(bench_wlp)
bench_run ConsoleBench -Dmarquee.wlp.dir="$wlp"
