# The two set-up commands the README promises: `make demo` and `make test`.
# Both create .venv and install twinning with its test dependencies first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: install demo test bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: install
	mkdir -p $(OUT)
	$(BIN)/twinning postgres --schema examples/deals/schema.sql \
	    --report $(OUT)/report.json --snapshot $(OUT)/deals.twin
	$(BIN)/twinning snapshot inspect $(OUT)/deals.twin

test: install
	sh scripts/system-deps.sh
	$(BIN)/python -m pytest

bench: install
	sh scripts/system-deps.sh
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis
