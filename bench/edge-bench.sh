#!/usr/bin/env bash
# Edge tier benchmark: a Zipf workload over many titles through edge -> shield -> origin (hit
# ratios per tier, origin offload), then one cached segment through the edge (signature
# checked) against nginx serving the same file from disk; writes bench/results/edge.json.
#   bash bench/edge-bench.sh               build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/edge-bench.sh  reuse the last build (only bench is recompiled)
# Needs: apt-get install -y wrk nginx libnginx-mod-http-js
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk"; exit 1; }
[[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || { echo "install nginx: apt-get install -y nginx"; exit 1; }
bench_build
wlp=$(bench_wlp)
bench_run EdgeBench -Dmarquee.wlp.dir="$wlp"
