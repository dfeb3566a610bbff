# Thin aliases over the claimledger command and the test tools. `make run` and `make test`
# create .venv and install pinned dependencies (constraints.txt) on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EVAL_DATA ?= ../shared/eval
export PREFECT_SERVER_ANALYTICS_ENABLED = false
export DO_NOT_TRACK = 1
export GX_ANALYTICS_ENABLED = false
export PREFECT_HOME = $(CURDIR)/.prefect

.PHONY: install run test check bench bench-scale eval ui serve report clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/claimledger run

report: $(STAMP)
	$(BIN)/claimledger report

test: $(STAMP)
	$(BIN)/pytest -q

check: $(STAMP)
	$(BIN)/ruff check src flows tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_dense.py
	$(BIN)/python benchmarks/bench_pipeline.py --articles 5000

bench-scale: $(STAMP)
	$(BIN)/python benchmarks/bench_scale.py --sizes 10000 100000 --variant both --ecb-data $(EVAL_DATA)/ecbplus_public

eval: $(STAMP)
	$(BIN)/python eval/run_eval.py --data $(EVAL_DATA)
	$(BIN)/python eval/eval_crossdoc.py --data $(EVAL_DATA)
	$(BIN)/python eval/precision.py --data $(EVAL_DATA)

ui: $(STAMP)
	$(BIN)/prefect server start --host 127.0.0.1 --port 4200

serve: $(STAMP)
	PREFECT_API_URL=$${PREFECT_API_URL:-http://127.0.0.1:4200/api} $(BIN)/claimledger serve --cron "0 * * * *"

clean:
	rm -rf warehouse/claims.duckdb* warehouse/gx warehouse/*.lock .prefect bench_out
