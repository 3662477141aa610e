#!/usr/bin/env bash
# Seeds fuzz/corpus/TARGET/ (not committed): the real catalogue files for
# `catalogue`, a few amounts for `money`, a few small inputs for the batch
# targets. The first byte of a batch input picks how it is run (see
# fuzz/src/lib.rs): 0x00 as it is, 0x01 after a valid header or first object.
set -euo pipefail
cd "$(dirname "$0")"

mkdir -p corpus/money corpus/catalogue corpus/batch_csv corpus/batch_jsonl
cp ../data/*.toml corpus/catalogue/

i=0
for amount in 14000000 '14,000,000' '1,400万円' '１４００００００' '657.9万' '1億2,000万円' \
    '1000000000000' ' 0 ' '-5' '▲500' '1.23456万'; do
    printf '%s' "$amount" > "corpus/money/seed-$i"
    i=$((i + 1))
done

printf '\x00%s' 'facility_id,name,program,variant,facility,beds,kenshin,cost
H1,北病院,ehr-sharing,,hospital,250,yes,"14,000,000"
C1,南クリニック,e-prescription,basic,clinic,0,,300000
C2,東診療所,online-qual-medical-aid,,clinic,0,,6万
' > corpus/batch_csv/seed-0
printf '\x01%s' 'H1,hospital,250,yes,14000000
C1,clinic,0,,=1+1
P1,pharmacy,0,no,"1,000"
' > corpus/batch_csv/seed-1

printf '\x00%s' '{"id":"H1","program":"ehr-sharing","facility":"hospital","beds":250,"kenshin":"yes","cost":"14,000,000"}
{"id":"C1","program":"e-prescription","variant":"basic","facility":"clinic","cost":300000}
' > corpus/batch_jsonl/seed-0
printf '\x01%s' '{"id":"C2","facility":"clinic","cost":"6万","note":"=1+1"}
' > corpus/batch_jsonl/seed-1

# A real bundle of data/, for `bundle` to mutate.
mkdir -p corpus/bundle
cargo run --quiet --manifest-path ../Cargo.toml -- bundle ../data -o corpus/bundle/data.tar 2>/dev/null

for dir in corpus/*/; do
    echo "$dir: $(ls "$dir" | wc -l) files"
done
