#!/usr/bin/env bash
# Encryption benchmark: Marquee's packager (cenc and cbcs) against shaka-packager 3.4.2 encrypting
# the same clear 1080p CMAF file with the same key, in one run; prints MB/s and ratios.
#   bash bench/encryption-bench.sh               build everything, then measure (about a minute)
#   SKIP_BUILD=1 bash bench/encryption-bench.sh  reuse the last build (only bench is recompiled)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

bench_build
shaka_dir="$PWD/bench/target/npm"
if [[ ! -d "$shaka_dir/node_modules/shaka-packager" ]]; then
  command -v npm >/dev/null || { echo "install Node.js and npm (shaka-packager comes from npm)"; exit 1; }
  npm install --no-save --no-audit --no-fund --prefix "$shaka_dir" shaka-packager@3.4.2 >/dev/null
fi
bench_run EncryptionBench -Dmarquee.shaka="$shaka_dir/node_modules/shaka-packager/bin/packager-linux-x64"
