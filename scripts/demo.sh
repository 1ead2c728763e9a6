#!/usr/bin/env bash
# Renders every input in Samples/ into the output folder:
#   Samples/<kind>.<locale>.json   -> out/<kind>.<locale>.pdf (and .txt/.html for notices)
#   Samples/service-center.<locale>.json -> out/rma-blank-center.<locale>.pdf (the blank RMA
#                                     form with that service center's letterhead)
#   Samples/payment/<code>.<locale>.json -> out/payment-<code>.<locale>.pdf (a payment QR code)
#   Samples/batch/cards.jsonl      -> out/batch/*.pdf and out/batch.pdf (merged)
set -euo pipefail
talon=${1:?usage: demo.sh <talon binary> <out dir>}
out=${2:?usage: demo.sh <talon binary> <out dir>}
cd "$(dirname "$0")/.."
mkdir -p "$out"

for sample in Samples/*.json; do
  name=$(basename "$sample" .json)          # e.g. warranty-card.uk
  kind=${name%.*}
  case "$kind" in
    notice)
      "$talon" render "$kind" "$sample" --format text -o "$out/$name.txt"
      "$talon" render "$kind" "$sample" --format html -o "$out/$name.html"
      "$talon" render "$kind" "$sample" --format sms -o "$out/$name.sms.txt"
      ;;
    service-center)
      "$talon" render rma --blank "$sample" --locale "${name##*.}" -o "$out/rma-blank-center.${name##*.}.pdf"
      ;;
    *)
      "$talon" render "$kind" "$sample" -o "$out/$name.pdf"
      ;;
  esac
  echo "rendered $sample"
done
"$talon" render rma --blank --locale uk -o "$out/rma-blank.uk.pdf"
"$talon" render rma --blank --locale en -o "$out/rma-blank.en.pdf"

for sample in Samples/payment/*.json; do
  name=$(basename "$sample" .json)          # e.g. nbu.uk
  "$talon" barcode "${name%.*}-qr" --data "$sample" -o "$out/payment-$name.pdf"
  echo "rendered $sample"
done

if [ -f Samples/batch/cards.jsonl ]; then
  "$talon" batch warranty-card Samples/batch/cards.jsonl --out-dir "$out/batch" --merge "$out/batch.pdf" --quiet
  echo "rendered Samples/batch/cards.jsonl"
fi
echo "done: $(ls "$out" | wc -l) files in $out/"
