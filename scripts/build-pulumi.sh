#!/usr/bin/env bash
# Builds the Pulumi CLI and the Node.js language host from their Go modules into
# .tools/pulumi/bin. There is no binary download: the only network this project may use is
# the package registries, so both come from the Go module proxy (pinned by the wrapper
# modules under tools/, with go.sum authoritative).
#
# Usage: bash scripts/build-pulumi.sh     (FORCE=1 to rebuild even when up to date)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/.tools/pulumi/bin
stamp=$root/.tools/pulumi/build.stamp
version=$(tr -d '[:space:]' < tools/pulumi-version)

# -mod=readonly: a build must never rewrite go.mod/go.sum, so what is committed is what runs.
export GOFLAGS="-mod=readonly -buildvcs=false"
export PATH="$PATH:/usr/local/go/bin"

say() { echo "[build-pulumi] $*"; }
die() { echo "[build-pulumi] ERROR: $*" >&2; exit 1; }

# tools/pulumi-version is the single pin: the CLI wrapper module must require that release.
for mod in pkg sdk; do
  grep -Eq "^[[:space:]]*(require[[:space:]]+)?github\.com/pulumi/pulumi/$mod/v3 v$version([[:space:]]|$)" tools/pulumi-cli/go.mod ||
    die "tools/pulumi-cli/go.mod does not require github.com/pulumi/pulumi/$mod/v3 v$version (tools/pulumi-version says $version)"
done
# The language host is built from an older sdk/v3 (see tools/pulumi-language-nodejs/go.mod);
# stamp it with the version it really is, not the CLI's.
lh_version=$(sed -nE 's/^[[:space:]]*(require[[:space:]]+)?github\.com\/pulumi\/pulumi\/sdk\/v3 (v[^[:space:]]+).*/\2/p' tools/pulumi-language-nodejs/go.mod | head -1)
[ -n "$lh_version" ] || die "cannot read the sdk/v3 version from tools/pulumi-language-nodejs/go.mod"

# The stamp covers both wrapper modules, so changing either one triggers a rebuild.
want_stamp=$(cat tools/pulumi-version tools/pulumi-cli/go.mod tools/pulumi-cli/go.sum \
  tools/pulumi-language-nodejs/go.mod tools/pulumi-language-nodejs/go.sum | sha256sum | cut -d' ' -f1)

install_shim() {
  # The engine looks for the bundled pulumi-nodejs plugin (dynamic providers) next to the CLI.
  cp node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs "$bin/"
  chmod +x "$bin/pulumi-resource-pulumi-nodejs"
}

have=$("$bin/pulumi" version 2>/dev/null || true)
if [ -z "${FORCE:-}" ] && [ "$have" = "v$version" ] && [ -x "$bin/pulumi-language-nodejs" ] &&
   [ "$(cat "$stamp" 2>/dev/null)" = "$want_stamp" ]; then
  install_shim
  say "up to date: pulumi $have, pulumi-language-nodejs $lh_version in .tools/pulumi/bin"
  exit 0
fi

command -v go >/dev/null || die "go is not installed (need Go >= 1.25.11, see tools/pulumi-cli/go.mod)"
say "$(go version); building pulumi v$version (have: ${have:-none})"
mkdir -p "$bin"

# Runs a long command with its output in a log, printing a progress line every 20 s so CI
# logs show it is alive (a cold CLI build takes over 10 minutes on 2 cores).
# Modules are fetched by `go list -deps` (only what the build needs: `go mod download` would
# also want test-only modules of pkg/v3, some of which the proxy refuses), with go.sum checked.
run_with_progress() {
  local label=$1 log=$2; shift 2
  local start=$SECONDS
  "$@" >"$log" 2>&1 &
  local pid=$!
  local next=20
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if (( SECONDS - start >= next )) && kill -0 "$pid" 2>/dev/null; then
      say "  ... $label: $((SECONDS - start))s, $(grep -c . "$log" || true) packages built so far"
      next=$((next + 20))
    fi
  done
  if ! wait "$pid"; then
    tail -n 50 "$log" >&2
    die "$label failed after $((SECONDS - start))s (full log: $log)"
  fi
  say "$label done in $((SECONDS - start))s"
}

logdir=$root/.tools/pulumi/logs
mkdir -p "$logdir"

# Step 1: the Node language host (small; from sdk/v3 $lh_version).
(cd tools/pulumi-language-nodejs &&
  run_with_progress "download modules (language host)" "$logdir/lh-download.log" \
    go list -deps github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs &&
  run_with_progress "build pulumi-language-nodejs $lh_version" "$logdir/lh-build.log" \
    go build -v -o "$bin/pulumi-language-nodejs.tmp" \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$lh_version" \
      github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs)
mv "$bin/pulumi-language-nodejs.tmp" "$bin/pulumi-language-nodejs"

# Step 2: the CLI, with the release build's tags and version stamp (goreleaser settings).
(cd tools/pulumi-cli &&
  run_with_progress "download modules (CLI)" "$logdir/cli-download.log" \
    go list -deps -tags osusergo,grpcnotrace github.com/pulumi/pulumi/pkg/v3/cmd/pulumi &&
  run_with_progress "build pulumi v$version" "$logdir/cli-build.log" \
    go build -v -tags osusergo,grpcnotrace -o "$bin/pulumi.tmp" \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
      github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
mv "$bin/pulumi.tmp" "$bin/pulumi"

install_shim
have=$("$bin/pulumi" version)
[ "$have" = "v$version" ] || die "built CLI reports '$have', expected v$version"
echo "$want_stamp" > "$stamp"
say "built: pulumi $have, pulumi-language-nodejs $lh_version in .tools/pulumi/bin"
