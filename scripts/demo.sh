#!/usr/bin/env bash
# The main job on the bundled workspace: ingest the seed pages, sync the catalogs,
# then every later stage of the pipeline. Run through `make demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
PRESSLATE=".venv/bin/presslate"

step() { printf '\n== %s\n' "$*"; }

step "presslate ingest examples/pages/*.txt"
"$PRESSLATE" ingest examples/pages/*.txt

step "presslate glossary validate"
"$PRESSLATE" glossary validate

step "presslate glossary export --format tbx --output site/glossary.tbx"
mkdir -p site
"$PRESSLATE" glossary export --format tbx --output site/glossary.tbx

step "presslate sync"
"$PRESSLATE" sync

step "presslate check --list"
"$PRESSLATE" check --list | sed -n 1,12p

step "presslate check --min-severity warning"
"$PRESSLATE" check --min-severity warning

step "presslate check --format sarif --output site/presslate.sarif"
"$PRESSLATE" check --format sarif --output site/presslate.sarif

step "presslate translate --lang fr --dry-run"
"$PRESSLATE" translate --lang fr --dry-run

step "offline drafts from the translation memory, on a scratch copy (tracked files stay as they are)"
scratch=".presslate-cache/demo-workspace"
rm -rf "$scratch" && mkdir -p "$scratch"
cp -r l10n locales glossary.csv "$scratch"/
for lang in ko fr es ar; do
  "$PRESSLATE" -C "$scratch" translate --lang "$lang" || [ $? -eq 1 ]
done
"$PRESSLATE" -C "$scratch" status

step "presslate status"
"$PRESSLATE" status

step "presslate status --format html --output site/status.html"
"$PRESSLATE" status --format html --output site/status.html

step "presslate build --lang ko --mirror --format txt --output site/mirror-ko"
"$PRESSLATE" build --lang ko --mirror --format txt --output site/mirror-ko

step "presslate build --mirror   (HTML pages and an index page per language)"
"$PRESSLATE" build --mirror

step "presslate compile"
"$PRESSLATE" compile

step "gettext's own validation of every catalog (msgfmt -c)"
if command -v msgfmt >/dev/null; then
  for po in locales/*/*.po; do msgfmt -c -o /dev/null "$po"; done
  echo "all $(ls locales/*/*.po | wc -l) PO files pass msgfmt -c"
else
  echo "msgfmt not installed; skipped"
fi
