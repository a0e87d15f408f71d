.PHONY: test quality ci
test:
	go test ./...
quality:
	bash scripts/quality.sh
ci:
	bash .ci/run
