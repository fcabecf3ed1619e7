# The two commands of the README. Everything else is in scripts/.
.PHONY: run test bench

run:
	bash scripts/run

test:
	bash scripts/test

# Benchmarks and load figures (not a test): see the README's « Qualité ».
bench:
	bash scripts/bench

# Multi-node proof on the loopback (not a test): see the README's « Passer à l'échelle ».
.PHONY: scale
scale:
	bash scripts/scale
