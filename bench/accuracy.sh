#!/usr/bin/env bash
# Article detection accuracy on generated editions, scored against their ground truth.
#   bench/accuracy.sh [--set held-out|tuning|both] [--details] [--seeds 1001-1012] [--keep DIR]
#   bench/accuracy.sh dump <page.pdf> [--lines]     (what the importer reads and detects on any PDF page)
# Held-out seeds 1001-1012 are never looked at while tuning the detector; tuning uses seeds below 1000 only.
# Each seed is an 8-page edition: PdfLayoutReader -> SimpleArticleDetector per page -> ContinuationJoiner, no database.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Broadsheet.Bench.Accuracy -c Release -v quiet -nologo >/dev/null
exec dotnet bench/Broadsheet.Bench.Accuracy/bin/Release/net10.0/Broadsheet.Bench.Accuracy.dll "$@"
