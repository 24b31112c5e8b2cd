#!/bin/sh
# A two-candidate tournament over the deals example (README "Many
# databases, tournaments and tests"): the good and the buggy extractor,
# each against its own fork of examples/deals/schema.sql, judged by the
# verify rules, ranked. Deterministic: run it twice, get the same JSON.
#
#   sh examples/tournament/run.sh            # the ranked table
#   sh examples/tournament/run.sh --json     # twinning.tournament.v0
cd "$(dirname "$0")/../.." || exit 2
PYTHON=${PYTHON:-python3}
exec twinning tournament --schema examples/deals/schema.sql \
    --verify examples/deals/rules.verify.json \
    --clock 2024-01-01T00:00:00Z --seed 1 --jobs 2 \
    --candidate good="$PYTHON examples/deals/extract.py" \
    --candidate buggy="$PYTHON examples/deals/extract_buggy.py" "$@"
