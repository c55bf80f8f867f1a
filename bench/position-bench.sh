#!/usr/bin/env bash
# Position benchmark: sustained resume-position writes against the authenticated no-op, alternating
# in 3 rounds (bench.rounds), and the push latency to another device (SSE).
# Loopback only, bounded in time, temporary home deleted afterwards.
#   bash bench/position-bench.sh                build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/position-bench.sh   reuse the last build (only bench is recompiled)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

bench_build
wlp=$(bench_wlp)
bench_run PositionBench -Dmarquee.wlp.dir="$wlp"
