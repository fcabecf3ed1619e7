# The two commands of the README. Everything else is in scripts/.
.PHONY: run test test-cluster bench

run:
	bash scripts/run

test:
	bash scripts/test

# The 3-node Elasticsearch cluster: reindex, replicas, a node lost (slow: 3 JVMs).
test-cluster:
	.venv/bin/python -m pytest -p no:cacheprovider -m cluster tests/search/test_cluster.py

# Benchmarks and load figures (not a test): see the README's « Qualité ».
bench:
	bash scripts/bench

# Multi-node proof on the loopback (not a test): see the README's « Passer à l'échelle ».
.PHONY: scale
scale:
	bash scripts/scale
