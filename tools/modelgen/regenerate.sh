#!/usr/bin/env bash
# Rebuilds every generated model (.g.cs) from tools/modelgen/services.json with the botocore version
# it names, so the checked-in files are reproducible: on a clean checkout, running this leaves
# `git status` clean (.ci/run checks it). After a botocore upgrade, update "botocore" in services.json,
# run this and commit the result.
set -euo pipefail
cd "$(dirname "$0")/../.."

wanted=$(python3 -c 'import json; print(json.load(open("tools/modelgen/services.json"))["botocore"])')
installed=$(python3 -c 'import botocore; print(botocore.__version__)')
if [[ $installed != "$wanted" ]]; then
  echo "tools/modelgen/services.json pins botocore $wanted, but $installed is installed:" >&2
  echo "  pip install botocore==$wanted, or update services.json to regenerate from $installed." >&2
  exit 1
fi

python3 tools/modelgen/modelgen.py
