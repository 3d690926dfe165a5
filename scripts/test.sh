#!/usr/bin/env bash
# Runs every test. Builds HashiCorp's own HCL parser first (installing Go and Debian's
# golang-github-hashicorp-hcl-v2-dev if missing), because the conformance tests compare
# Airlock's parser against it; Terraform (in the image) is the oracle for newer syntax.
# Extra arguments go to `swift test` (e.g. --filter LexerTests).
set -euo pipefail
cd "$(dirname "$0")/.."

# wrk (the load test below) and chromium (screenshots), from Debian when missing.
if ! bash scripts/install-server-tools.sh; then
  [ -n "${CI:-}" ] && { echo "error: the server tools are required in CI" >&2; exit 1; }
  echo "warning: the server tools could not be installed; the load test will fail" >&2
fi

reference=$(bash scripts/build-hclref.sh | tail -n 1)
export AIRLOCK_HCLREF="$reference"
if ! command -v terraform >/dev/null 2>&1; then
  echo "warning: terraform is not on PATH; the Terraform verdict test will be skipped (and fails in CI)" >&2
fi
# The store's tests also run against a real PostgreSQL, started here from the image's
# server binaries and stopped on exit (in CI, a missing server fails StoreTests).
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/airlock-pg.XXXXXX")"
if pg_env="$(bash scripts/start-postgres.sh "$pg_dir")"; then
  eval "$pg_env"
  trap 'bash scripts/stop-postgres.sh "$pg_dir"' EXIT
else
  echo "warning: PostgreSQL could not be started; the store tests run on SQLite only (and fail in CI)" >&2
fi
swift test "$@"

# The function table and the evaluation oracle are checked in so tests need no Terraform;
# on a full run, check that today's Terraform still produces them (a fixed sample of the
# oracle configurations, since each AWS plan starts the provider).
if [ $# -eq 0 ]; then
  # The server under wrk for a minute per database: every request acknowledged, nothing
  # lost from the audit chain (a release build, built here once for both).
  echo "== load test: airlock serve on SQLite"
  bash scripts/load-test.sh --duration 60
  if [ -n "${AIRLOCK_TEST_POSTGRES_URL:-}" ]; then
    echo "== load test: airlock serve on PostgreSQL"
    bash scripts/load-test.sh --duration 60 --database "$AIRLOCK_TEST_POSTGRES_URL"
  elif [ -n "${CI:-}" ]; then
    echo "error: PostgreSQL is required in CI for the server's load test" >&2
    exit 1
  fi
  echo "== SARIF and JUnit reports against their schemas"
  bash scripts/validate-reports.sh
  if command -v terraform >/dev/null 2>&1; then
    echo "== terraform reproduces the function table"
    bash scripts/gen-function-cases.sh --check
    echo "== terraform reproduces the evaluation oracle (sample)"
    bash scripts/gen-eval-oracle.sh --check --sample 6
  elif [ -n "${CI:-}" ]; then
    echo "error: terraform is required in CI to check the oracle fixtures" >&2
    exit 1
  fi
fi
