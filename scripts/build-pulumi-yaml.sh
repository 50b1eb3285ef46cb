#!/usr/bin/env bash
# Builds the YAML language host (pulumi-language-yaml) from its Go module into .tools/pulumi/bin,
# beside the CLI, for the provider plugin's YAML program (examples/yaml, test/e2e/plugin.test.ts,
# docs/plugin.md). Like scripts/build-pulumi.sh, it comes from the Go module proxy, pinned by the
# wrapper module tools/pulumi-language-yaml with go.sum authoritative. It has its own stamp, so
# adding or changing it never rebuilds the CLI, and a re-run with nothing changed is a no-op.
#
# pulumi-yaml v1.25.0 builds on pkg/sdk v3.206.0, its own (tools/pulumi-language-yaml/go.mod):
# against the CLI's v3.259.0 it does not compile (schema.NewPluginLoader and
# plugin.NewContextWithRoot changed their signatures). A language host speaks to the engine over
# gRPC only, so the two versions need not match.
#
# Usage: bash scripts/build-pulumi-yaml.sh     (FORCE=1 to rebuild even when up to date)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/.tools/pulumi/bin
logdir=$root/.tools/pulumi/logs
stamp=$root/.tools/pulumi/build-yaml.stamp
mod=tools/pulumi-language-yaml

export GOFLAGS="-mod=readonly -buildvcs=false"
export PATH="$PATH:/usr/local/go/bin"

say() { echo "[build-pulumi-yaml] $*"; }
die() { echo "[build-pulumi-yaml] ERROR: $*" >&2; exit 1; }

version=$(sed -nE 's/^[[:space:]]*(require[[:space:]]+)?github\.com\/pulumi\/pulumi-yaml (v[^[:space:]]+).*/\2/p' "$mod/go.mod" | head -1)
[ -n "$version" ] || die "cannot read the pulumi-yaml version from $mod/go.mod"
want_stamp=$(cat "$mod/go.mod" "$mod/go.sum" | sha256sum | cut -d' ' -f1)

if [ -z "${FORCE:-}" ] && [ -x "$bin/pulumi-language-yaml" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want_stamp" ]; then
  say "up to date: pulumi-language-yaml $version in .tools/pulumi/bin"
  exit 0
fi

command -v go >/dev/null || die "go is not installed (need Go >= 1.25.11, see $mod/go.mod)"
say "$(go version); building pulumi-language-yaml $version"
mkdir -p "$bin" "$logdir"

# A progress line every 20 s, so CI logs show a cold build (several minutes on 2 cores) is alive.
run_with_progress() {
  local label=$1 log=$2; shift 2
  local start=$SECONDS next=20
  "$@" >"$log" 2>&1 &
  local pid=$!
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

# `go list -deps` fetches only what the build needs (as in build-pulumi.sh), with go.sum checked.
(cd "$mod" &&
  run_with_progress "download modules (YAML language host)" "$logdir/yaml-download.log" \
    go list -deps github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml &&
  run_with_progress "build pulumi-language-yaml $version" "$logdir/yaml-build.log" \
    go build -v -o "$bin/pulumi-language-yaml.tmp" \
      -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=${version#v}" \
      github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml)
mv "$bin/pulumi-language-yaml.tmp" "$bin/pulumi-language-yaml"
echo "$want_stamp" > "$stamp"
say "built: pulumi-language-yaml $version in .tools/pulumi/bin"
