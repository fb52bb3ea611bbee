#!/bin/bash
# Runs the differential suite alone: tests/diff/run.sh [REGEX] (only FILE:SCENARIO keys matching).
# Builds what it needs offline first when the local repository allows.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl tests -am install -DskipTests
exec mvn -B -o -pl tests surefire:test -Dtest=DifferentialSuiteIT -Ddiff.only="${1:-}" ${DIFF_VERBOSE:+-Ddiff.verbose=true} ${DIFF_SHOW:+-Ddiff.show=true} ${DIFF_PROXY:+-Ddiff.proxy=$DIFF_PROXY}
