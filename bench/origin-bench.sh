#!/usr/bin/env bash
# Origin miss-path benchmark: one segment through Marquee's /api/origin (signed URL, one object
# storage read per request) against Debian's nginx serving the same file from disk, side by side
# in one run with wrk; prints req/s, MB/s and the ratio, writes bench/results/origin.json.
#   bash bench/origin-bench.sh               build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/origin-bench.sh  reuse the last build (only bench is recompiled)
# Needs: apt-get install -y wrk nginx
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk"; exit 1; }
[[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || { echo "install nginx: apt-get install -y nginx"; exit 1; }
bench_build
wlp=$(bench_wlp)
bench_run OriginBench -Dmarquee.wlp.dir="$wlp"
