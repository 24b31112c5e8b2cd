# The two set-up commands the README promises: `make demo` and `make test`.
# Both create .venv and install twinning with its test dependencies first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: install bytecode demo demo-buggy test peers bench clean fuzz

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The package's bytecode, compiled ahead (only what changed): where
# PYTHONDONTWRITEBYTECODE is set, every process the suite, the demo and the
# bench start would otherwise compile the whole package again (~1.3 s of
# CPU each).
bytecode: install
	$(BIN)/python -m compileall -q -j 0 twinning ir passes

# The main job on the bundled example: a twin of examples/deals/schema.sql,
# the extractor run against it, verify, report and snapshot. Exit 0.
DEMO = $(BIN)/twinning postgres --schema examples/deals/schema.sql \
	    --verify examples/deals/rules.verify.json --port 0

demo: bytecode
	mkdir -p $(OUT)
	$(DEMO) --run "$(BIN)/python examples/deals/extract.py" \
	    --report $(OUT)/report.json --snapshot $(OUT)/deals.twin

# The same with the deliberately buggy extractor: verify fails (exit 1),
# which is what this target expects.
demo-buggy: bytecode
	mkdir -p $(OUT)
	$(DEMO) --run "$(BIN)/python examples/deals/extract_buggy.py" \
	    --report $(OUT)/report-buggy.json --snapshot $(OUT)/deals-buggy.twin; \
	code=$$?; echo "twinning exited $$code (1 = verify failed, as intended)"; \
	test $$code -eq 1

# The whole suite, the peer suites included (TWINNING_PEERS=0 leaves them
# out, e.g. offline: they download two sdists from PyPI once), on
# TEST_WORKERS pytest-xdist workers (each starts its own PostgreSQL where
# a test needs one; TEST_WORKERS=0 runs in this process, serially).
TWINNING_PEERS ?= 1
TEST_WORKERS ?= 2
test: bytecode
	sh scripts/system-deps.sh
	TWINNING_PEERS=$(TWINNING_PEERS) $(BIN)/python -m pytest -n $(TEST_WORKERS)

# SQLAlchemy's dialect compliance suite and psycopg2's tests against the
# twin, strictly against peers/expected/ (downloads their sdists once).
peers: bytecode
	sh scripts/system-deps.sh
	TWINNING_PEERS=1 $(BIN)/python -m pytest -m peers tests/test_peer_suites.py

# The twin runs from a regular (wheel) install of the work tree in
# $(BENCH_VENV), as users install it: the development venv's editable
# install adds an import finder to every process it starts. pip compiles
# the bytecode (where PYTHONDONTWRITEBYTECODE is set, every twin start would
# otherwise recompile the package, and cold_start measures it).
BENCH_VENV ?= $(OUT)/bench-venv
bench: bytecode
	sh scripts/system-deps.sh
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet .
	$(BENCH_VENV)/bin/pip install --quiet --force-reinstall --no-deps .
	$(BIN)/python -m compileall -q bench
	TWINNING_BENCH_PYTHON=$(abspath $(BENCH_VENV))/bin/python $(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis

# The random differential test at scale: many random examples (random seed),
# wrong answers collected into out/fuzz-report.json instead of stopping at
# the first; fails if there was any. FUZZ_EXAMPLES sets the count.
FUZZ_EXAMPLES ?= 5000
fuzz: install
	mkdir -p $(OUT)
	TWINNING_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) TWINNING_FUZZ_COLLECT=1 \
	TWINNING_FUZZ_RANDOM=1 TWINNING_FUZZ_REPORT=$(OUT)/fuzz-report.json \
	$(BIN)/python -m pytest -q -p no:randomly -s property/test_random_differential.py
