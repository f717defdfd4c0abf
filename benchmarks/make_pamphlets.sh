#!/usr/bin/env bash
# Make the pamphlets that benchmarks/pamphlets.py measures besides the shared
# dev pamphlets: OUT/tune, OUT/tune2 and OUT/tune3 (variations looked at while
# developing, made in turn as the earlier ones were learned from) and OUT/fresh
# (other seeds, faces and texts, measured only, never tuned on) and OUT/fresh2
# (made later, from a text never used before, measured only) and OUT/fresh3
# (made later still, from two more chapter pairs, measured only) and OUT/fresh4
# (made in session 10, from two more chapter pairs again, measured only) and
# OUT/tune4 (made after fresh4 missed on footnotes in rough scans: the
# sample book's chapters with notes, in other faces and seeds, to study that)
# and OUT/tune5 (Tesseract's --psm 4, a mode no other set uses, as a probe) and
# OUT/tune6 (furniture the renderer does not print: folios alone at the top, in
# the corner, chapter titles as heads; see render_more.py) and OUT/tune7 (three
# more pamphlets read by GNU Ocrad, to study that engine, looked at) and OUT/tune8
# (three more, in the faces fresh6 uses, looked at) and OUT/tune9 (two more,
# with titles as running heads, looked at) and OUT/tune10 (three read by GOCR,
# a third engine, looked at) and OUT/fresh7 (four more read by GOCR, measured
# only) and OUT/tune12 and OUT/fresh9 (made in session 18 from text the sample
# book never prints: the prose of the Overproof newspaper ground truth, made
# into gold by news_gold.py into OUT/news-gold; tune12 looked at, fresh9,
# read by Tesseract, Ocrad and GOCR, measured only) and OUT/fresh10 (three of
# the same texts in other styles, faces and seeds, made in session 19,
# measured only) and OUT/tune14 and OUT/tune15 (made in session 19 to study
# what fresh10 showed; looked at) and OUT/tune16 (fresh10's rB-news3, moved
# in session 20) and OUT/fresh11 (five more from the newspaper texts, made in
# session 20, measured only) and OUT/tune17 (fresh11's settings with the
# texts the tuning sets hold, looked at) and OUT/tune18 (starved ink and a
# low-resolution scan, a probe) and OUT/tune19 (GOCR in Pagella, looked at)
# and OUT/fresh12 (four more, made at the end of session 20, measured once)
# and OUT/fresh13 (five more, made at the start of session 21, measured only)
# and OUT/tune20 (fresh13's settings with other texts, looked at)
# and OUT/fresh14 (five more, made in session 22, measured only)
# and OUT/tune21 (fresh14's settings with other texts, looked at)
# and OUT/tune22 (Tesseract's --psm 3 and --psm 1, a probe, looked at)
# and OUT/tune23 (notes on rough pages, with hOCR and ALTO, looked at)
# and OUT/tune24 (running feet, a probe, looked at)
# and OUT/fresh17 (five more, made in session 25, measured only)
# and OUT/tune26 (fresh17's rough settings with other texts, looked at)
# and OUT/fresh18 (five more, made in session 28 after its changes, measured only),
# OUT/tune27 (two, session 29, looked at) and OUT/fresh19 (five, session 29, measured only).
# Usage: benchmarks/make_pamphlets.sh OUT [FRESH_TEXT_DIR]
# FRESH_TEXT_DIR holds gold texts from outside the sample book: chapters of
# Bertrand Russell's The Problems of Philosophy (1912; Project Gutenberg
# #5827) in the clean-text format: russell1.gold.txt (chapters I-II),
# russell2.gold.txt (IX-X), russell3.gold.txt (XIV-XV), russell4.gold.txt
# (V-VI), russell5.gold.txt (XI-XII), russell6.gold.txt (III-IV),
# russell7.gold.txt (VII-VIII, with its two footnotes); without it those
# pamphlets are skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: make_pamphlets.sh OUT [FRESH_TEXT_DIR]}
fresh_text=${2:-}
G="$here/../../shared/corpus/ussr-1942/gold"
PY=${PYTHON:-python3}
HEAVY="specks=900 ink_level=0.48 ink_var=0.08 edge_noise=0.09 salt=0.01"
render() { local set=$1 name=$2; shift 2
  [ -s "$out/$set/$name.raw.txt" ] && return 0
  "$PY" "$here/render_more.py" --name "$name" --out "$out/$set" --jobs 2 "$@"; }

render tune tA-dejavu  --gold $G/c06.gold.txt --style A --level mild --font dejavu-serif --seed 201 --title "THE SOVIET STATE" --first-page 33
render tune tB-dash    --gold $G/c01.gold.txt $G/c02.gold.txt --style B --level rough --font libertine --seed 202 --folio "- {} -" --first-page 3
render tune tD-nimbus  --gold $G/c08.gold.txt --style D --level mild --font nimbus --seed 203 --title "PARTY AND STATE" --first-page 41
render tune tB-psm6    --gold $G/c04.gold.txt --style B --level mild --font garamond --seed 204 --psm 6 --first-page 1
render tune tD-rough   --gold $G/c10.gold.txt --style D --level rough --font dejavu-serif --seed 205 --title "LEADER OR ALLY" --first-page 7 --set $HEAVY
render tune tA-psm6-rough --gold $G/c01.gold.txt $G/c02.gold.txt --style A --level rough --font garamond --seed 211 --psm 6 --title "THE U.S.S.R." --first-page 9 --set $HEAVY
render tune tB-rough-bracket --gold $G/c08.gold.txt $G/c06.gold.txt --style B --level rough --font libertine --seed 221 --folio "[{}]" --first-page 4
render tune tD-notes   --gold $G/c06.gold.txt $G/c01.gold.txt --style D --level mild --font nimbus --seed 212 --title "THE SOVIET STATE" --first-page 21

render fresh fD-bonum   --gold $G/c01.gold.txt $G/c06.gold.txt --style D --level mild --font bonum --seed 304 --title "SOCIALISM IN ONE COUNTRY" --first-page 5
render fresh fA-liberation --gold $G/c08.gold.txt $G/c04.gold.txt --style A --level rough --font liberation --seed 305 --psm 6 --title "THE PARTY" --first-page 17 --set $HEAVY
render fresh fB-freeserif --gold $G/c10.gold.txt $G/c02.gold.txt --style B --level rough --font freeserif --seed 306 --folio "[{}]" --first-page 2
render tune2 uD-dev-rough --gold $G/c04.gold.txt $G/c10.gold.txt --style D --level rough --font nimbus --seed 404 --title "THE RED ARMY" --first-page 27
render tune2 uA-dev-mild --gold $G/c02.gold.txt $G/c08.gold.txt --style A --level mild --font libertine --seed 405 --psm 6 --title "SOVIET DEMOCRACY" --first-page 5
render tune3 vB-dev-mild --gold $G/c06.gold.txt $G/c10.gold.txt --style B --level mild --font dejavu-serif --seed 502 --folio "[{}]" --first-page 8
render tune3 vA-dev-rough --gold $G/c04.gold.txt $G/c06.gold.txt --style A --level rough --font garamond --seed 504 --title "THE SOVIET STATE" --first-page 13
render tune3 vD-dev-mild --gold $G/c08.gold.txt $G/c01.gold.txt --style D --level mild --font garamond --seed 506 --title "PARTY AND STATE" --first-page 3

if [ -n "$fresh_text" ]; then
  R1="$fresh_text/russell1.gold.txt" R2="$fresh_text/russell2.gold.txt"
  render tune2 uA-russ-rough --gold "$R2" --style A --level rough --font libertine --seed 401 --title "PROBLEMS OF PHILOSOPHY" --first-page 11
  render tune2 uD-russ-mild --gold "$R1" --style D --level mild --font garamond --seed 402 --title "APPEARANCE AND REALITY" --first-page 3
  render tune2 uB-russ-rough --gold "$R1" "$R2" --style B --level rough --font dejavu-serif --seed 403 --folio "- {} -" --first-page 15
  render tune2 uB-russ-mild --gold "$R2" --style B --level mild --font nimbus --seed 406 --folio "{}" --first-page 40
  render tune3 vD-russ-rough --gold "$R2" "$R1" --style D --level rough --font libertine --seed 501 --title "THE WORLD OF UNIVERSALS" --first-page 51
  render tune3 vA-russ-mild --gold "$R1" --style A --level mild --font nimbus --seed 503 --psm 6 --title "ON INDUCTION" --first-page 60
  render tune3 vB-russ-rough --gold "$R2" --style B --level rough --font libertine --seed 505 --first-page 90 --set $HEAVY
  render fresh fA-pagella --gold "$fresh_text/russell1.gold.txt" --style A --level mild --font pagella --seed 301 --title "THE PROBLEMS OF PHILOSOPHY" --first-page 7
  render fresh fB-schola  --gold "$fresh_text/russell2.gold.txt" --style B --level mild --font schola --seed 302 --first-page 71
  render fresh fD-termes  --gold "$fresh_text/russell1.gold.txt" "$fresh_text/russell2.gold.txt" --style D --level rough --font termes --seed 303 --title "PHILOSOPHY" --first-page 1
  R3="$fresh_text/russell3.gold.txt"
  render fresh2 gA-schola   --gold "$R3" --style A --level rough --font schola --seed 601 --title "THE VALUE OF PHILOSOPHY" --first-page 141
  render fresh2 gB-termes   --gold "$R3" --style B --level mild --font termes --seed 602 --folio "- {} -" --first-page 23
  render fresh2 gD-pagella  --gold "$R3" --style D --level rough --font pagella --seed 603 --title "THE LIMITS OF KNOWLEDGE" --first-page 9
  render fresh2 gD-liberation --gold "$R3" "$R1" --style D --level mild --font liberation --seed 606 --title "PHILOSOPHY" --first-page 31
fi
render fresh2 gA-freeserif --gold $G/c10.gold.txt $G/c02.gold.txt --style A --level mild --font freeserif --seed 604 --psm 6 --title "LEADER OR ALLY" --first-page 19
render fresh2 gB-bonum    --gold $G/c04.gold.txt $G/c08.gold.txt --style B --level rough --font bonum --seed 605 --folio "[{}]" --first-page 6
render fresh3 hA-termes   --gold $G/c06.gold.txt $G/c02.gold.txt --style A --level mild --font termes --seed 704 --psm 6 --title "THE SOVIET STATE" --first-page 61
render fresh3 hB-dejavu   --gold $G/c01.gold.txt $G/c08.gold.txt --style B --level rough --font dejavu-serif --seed 705 --folio "[{}]" --first-page 12 --set $HEAVY
if [ -n "$fresh_text" ] && [ -s "$fresh_text/russell4.gold.txt" ]; then
  R4="$fresh_text/russell4.gold.txt" R5="$fresh_text/russell5.gold.txt"
  render fresh3 hA-bonum     --gold "$R4" --style A --level rough --font bonum --seed 701 --title "KNOWLEDGE BY DESCRIPTION" --first-page 41
  render fresh3 hB-pagella   --gold "$R5" --style B --level mild --font pagella --seed 702 --folio "- {} -" --first-page 88
  render fresh3 hD-schola    --gold "$R4" "$R5" --style D --level rough --font schola --seed 703 --title "ON INDUCTION" --first-page 17
  render fresh3 hD-freeserif --gold "$R5" --style D --level mild --font freeserif --seed 706 --title "TRUTH AND FALSEHOOD" --first-page 121
fi
render fresh4 kB-garamond  --gold $G/c06.gold.txt $G/c01.gold.txt --style B --level rough --font garamond --seed 805 --folio "[{}]" --first-page 30
render fresh4 kA-schola    --gold $G/c04.gold.txt $G/c10.gold.txt --style A --level mild --font schola --seed 804 --title "THE RED ARMY" --first-page 77
if [ -n "$fresh_text" ] && [ -s "$fresh_text/russell6.gold.txt" ]; then
  R6="$fresh_text/russell6.gold.txt" R7="$fresh_text/russell7.gold.txt"
  render fresh4 kA-libertine --gold "$R6" --style A --level rough --font libertine --seed 801 --psm 6 --title "THE NATURE OF MATTER" --first-page 19
  render fresh4 kB-termes    --gold "$R7" --style B --level mild --font termes --seed 802 --folio "- {} -" --first-page 64
  render fresh4 kD-dejavu    --gold "$R6" "$R7" --style D --level rough --font dejavu-serif --seed 803 --title "IDEALISM" --first-page 33 --set $HEAVY
  render fresh4 kD-nimbus    --gold "$R7" --style D --level mild --font nimbus --seed 806 --title "GENERAL PRINCIPLES" --first-page 101
fi
render tune4 wB-rough-notes --gold $G/c02.gold.txt $G/c06.gold.txt --style B --level rough --font nimbus --seed 911 --folio "[{}]" --first-page 40
render tune4 wD-heavy-notes --gold $G/c02.gold.txt $G/c01.gold.txt --style D --level rough --font bonum --seed 912 --title "THE PARTY" --first-page 8 --set $HEAVY
render tune4 wB-heavy-notes --gold $G/c06.gold.txt $G/c02.gold.txt --style B --level rough --font pagella --seed 913 --folio "- {} -" --first-page 50 --set $HEAVY
render tune5 xA-psm4       --gold $G/c04.gold.txt $G/c08.gold.txt --style A --level mild --font bonum --seed 921 --psm 4 --title "THE STATE" --first-page 12
render tune5 xD-psm4-rough --gold $G/c10.gold.txt $G/c06.gold.txt --style D --level rough --font pagella --seed 922 --psm 4 --title "ALLIES" --first-page 70
# tune6: page furniture the renderer's styles do not print (render_more.py --furniture),
# made in session 11 to study layouts never tuned on
render tune6 yE-top    --furniture top-folio --gold $G/c02.gold.txt $G/c04.gold.txt --style D --level rough --font libertine --seed 901 --title "THE BOLSHEVIK PARTY" --first-page 5
render tune6 yH-heads  --furniture chapter-heads --gold $G/c08.gold.txt $G/c10.gold.txt --style A --level rough --font dejavu-serif --seed 903 --title "THE U.S.S.R." --first-page 33
if [ -n "$fresh_text" ]; then
  render tune6 yC-corner --furniture corner-folio --gold "$fresh_text/russell1.gold.txt" --style A --level mild --font nimbus --seed 902 --first-page 20
  render tune6 yE-mild   --furniture top-folio --gold "$fresh_text/russell3.gold.txt" --style D --level mild --font garamond --seed 904 --first-page 8
fi
# fresh5: the same kinds of furniture as tune6 in other faces, seeds and texts, measured only
render fresh5 zC-bonum      --furniture corner-folio --gold $G/c06.gold.txt $G/c01.gold.txt --style A --level rough --font bonum --seed 1002 --title "THE SOVIET STATE" --first-page 14
render fresh5 zE-schola     --furniture top-folio --gold $G/c10.gold.txt $G/c04.gold.txt --style D --level mild --font schola --seed 1004 --title "LEADER OR ALLY" --first-page 3
render fresh5 zH-liberation --furniture chapter-heads --gold $G/c01.gold.txt $G/c02.gold.txt --style A --level rough --font liberation --seed 1006 --first-page 21
if [ -n "$fresh_text" ] && [ -s "$fresh_text/russell5.gold.txt" ]; then
  render fresh5 zE-termes     --furniture top-folio --gold "$fresh_text/russell4.gold.txt" --style D --level rough --font termes --seed 1001 --first-page 40
  render fresh5 zH-pagella    --furniture chapter-heads --gold "$fresh_text/russell2.gold.txt" "$fresh_text/russell5.gold.txt" --style A --level mild --font pagella --seed 1003 --first-page 66
  render fresh5 zC-freeserif  --furniture corner-folio --gold "$fresh_text/russell5.gold.txt" --style A --level mild --font freeserif --seed 1005 --first-page 9
fi
# engines: two mild pamphlets read by GNU Ocrad (apt-get install ocrad) instead of
# Tesseract, from the pages as typeset (Ocrad reads the degraded scans past use),
# made in session 11 as a probe of another engine's errors (looked at)
engine_read() { local engine=$1 set=$2 name=$3; shift 3
  [ -s "$out/$set/$name-$engine.raw.txt" ] && return 0
  command -v "$engine" >/dev/null || { echo "make_pamphlets: no $engine, $set skipped" >&2; return 0; }
  local work; work=$(mktemp -d)
  "$PY" "$here/render_more.py" --name "$name" --out "$work/out" --work "$work/pages" --jobs 2 "$@"
  "$PY" "$here/other_engine.py" --unscanned --engine "$engine" --work "$work/pages" \
    --pamphlet "$work/out/$name" --out "$out/$set" --name "$name-$engine"
  rm -rf "$work"; }
ocrad_read() { engine_read ocrad "$@"; }
ocrad_read engines eD-nimbus --gold $G/c04.gold.txt $G/c08.gold.txt --style D --level mild --font nimbus --seed 951 --title "THE PARTY" --first-page 11
if [ -n "$fresh_text" ]; then
  ocrad_read engines eB-termes --gold "$fresh_text/russell2.gold.txt" --style B --level mild --font termes --seed 952 --first-page 30
fi
# fresh6: read by Ocrad as engines are, in other faces, seeds and texts, measured only
ocrad_read fresh6 fA-libertine --gold $G/c10.gold.txt --style A --level mild --font libertine --seed 961 --title "LEADER OR ALLY" --first-page 5
ocrad_read fresh6 fB-pagella --gold $G/c06.gold.txt --style B --level mild --font pagella --seed 962 --first-page 50
if [ -n "$fresh_text" ] && [ -s "$fresh_text/russell5.gold.txt" ]; then
  ocrad_read fresh6 fD-schola --gold "$fresh_text/russell5.gold.txt" --style D --level mild --font schola --seed 963 --title "PHILOSOPHY" --first-page 12
  ocrad_read fresh6 fD-garamond --gold "$fresh_text/russell4.gold.txt" --style D --level mild --font garamond --seed 964 --title "KNOWLEDGE" --first-page 70
fi
# tune7: three more pamphlets read by Ocrad, in faces, seeds and texts no Ocrad
# set used, made in session 12 to study that engine further (looked at)
ocrad_read tune7 gB-bonum --gold $G/c02.gold.txt $G/c00.gold.txt --style B --level mild --font bonum --seed 972 --first-page 7
if [ -n "$fresh_text" ] && [ -s "$fresh_text/russell7.gold.txt" ]; then
  ocrad_read tune7 gA-dejavu --gold "$fresh_text/russell7.gold.txt" --style A --level mild --font dejavu-serif --seed 971 --title "MATTER" --first-page 19
  ocrad_read tune7 gD-freeserif --gold "$fresh_text/russell6.gold.txt" --style D --level mild --font freeserif --seed 973 --first-page 33
fi
# tune8: Ocrad again, in the faces fresh6 uses but other styles, seeds and
# texts, made in session 12 after tune7 (looked at)
ocrad_read tune8 hD-garamond --gold $G/c08.gold.txt --style D --level mild --font garamond --seed 981 --first-page 60
ocrad_read tune8 hA-pagella --gold $G/c01.gold.txt --style A --level mild --font pagella --seed 982 --title "THE SOVIET STATE" --first-page 3
if [ -n "$fresh_text" ] && [ -s "$fresh_text/russell1.gold.txt" ]; then
  ocrad_read tune8 hB-libertine --gold "$fresh_text/russell1.gold.txt" --style B --level mild --font libertine --seed 983 --first-page 1
fi
# tune9: Ocrad in two of fresh6's faces again, with titles set as running
# heads and folios past the first pages, made in session 13 (looked at)
ocrad_read tune9 iA-schola --gold $G/c04.gold.txt --style A --level mild --font schola --seed 992 --title "THE PARTY" --first-page 22
if [ -n "$fresh_text" ] && [ -s "$fresh_text/russell3.gold.txt" ]; then
  ocrad_read tune9 iD-garamond --gold "$fresh_text/russell3.gold.txt" --style D --level mild --font garamond --seed 991 --title "THE VALUE OF PHILOSOPHY" --first-page 88
fi
# tune10: three pamphlets read by GOCR (apt-get install gocr), a third engine,
# made in session 14 to study it (looked at), and tune11 (two more, in faces
# neither uses, looked at); fresh7: four more, measured only
gocr_read() { engine_read gocr "$@"; }
gocr_read tune10 jD-nimbus --gold $G/c06.gold.txt --style D --level mild --font nimbus --seed 981 --title "THE SOVIET STATE" --first-page 21
gocr_read tune10 jB-libertine --gold $G/c02.gold.txt $G/c04.gold.txt --style B --level mild --font libertine --seed 983 --first-page 12
gocr_read tune11 lA-bonum --gold $G/c04.gold.txt $G/c06.gold.txt --style A --level mild --font bonum --seed 985 --title "THE SOVIET STATE" --first-page 33
gocr_read tune11 lB-freeserif --gold $G/c10.gold.txt --style B --level mild --font freeserif --seed 986 --first-page 90
gocr_read fresh7 kD-dejavu --gold $G/c01.gold.txt --style D --level mild --font dejavu-serif --seed 994 --title "THE BACKGROUND" --first-page 1
if [ -n "$fresh_text" ] && [ -s "$fresh_text/russell6.gold.txt" ]; then
  gocr_read tune10 jA-termes --gold "$fresh_text/russell6.gold.txt" --style A --level mild --font termes --seed 982 --title "PHILOSOPHY" --first-page 31
  gocr_read fresh7 kD-schola --gold "$fresh_text/russell3.gold.txt" --style D --level mild --font schola --seed 992 --title "PHILOSOPHY" --first-page 40
  gocr_read fresh7 kB-garamond --gold "$fresh_text/russell5.gold.txt" --style B --level mild --font garamond --seed 993 --first-page 61
fi
# tune12 and fresh9: pamphlets typeset from text the sample book never prints,
# the prose articles of the Overproof newspaper ground truth made into gold
# by news_gold.py (other words, names and punctuation), made in session 18:
# tune12 looked at, fresh9 measured only
news="$out/news-gold"
[ -s "$news/news6.gold.txt" ] || "$PY" "$here/news_gold.py" "$news" --count 6
render tune12 nA-news1 --gold "$news/news1.gold.txt" --style A --level rough --font nimbus --seed 1101 --title "THE COLONY" --first-page 9
render tune12 nB-news2 --gold "$news/news2.gold.txt" --style B --level mild --font garamond --seed 1102 --folio "- {} -" --first-page 21
render fresh9 oD-news3 --gold "$news/news3.gold.txt" --style D --level rough --font libertine --seed 1103 --title "SYDNEY AFFAIRS" --first-page 5
render fresh9 oA-news4 --gold "$news/news4.gold.txt" --style A --level mild --font schola --seed 1104 --psm 6 --title "THE COUNCIL" --first-page 40
ocrad_read fresh9 oB-news5 --gold "$news/news5.gold.txt" --style B --level mild --font termes --seed 1105 --first-page 17
gocr_read fresh9 oD-news6 --gold "$news/news6.gold.txt" --style D --level mild --font freeserif --seed 1106 --title "LAW AND POLICE" --first-page 2
# tune13: three more from the newspapers' shorter articles (news_gold.py
# --short), which no other set's gold holds, one each read by Tesseract,
# Ocrad and GOCR, made in session 18 after fresh9 to study new text (looked at)
[ -s "$news/short2.gold.txt" ] || "$PY" "$here/news_gold.py" "$news" --short --words 2000 --count 2
render tune13 pB-short1 --gold "$news/short1.gold.txt" --style B --level mild --font libertine --seed 1201 --psm 6 --folio "[{}]" --first-page 30
ocrad_read tune13 pA-short2 --gold "$news/short2.gold.txt" --style A --level mild --font garamond --seed 1202 --title "THE GOLD FIELDS" --first-page 3
gocr_read tune13 pD-short1 --gold "$news/short1.gold.txt" --style D --level mild --font nimbus --seed 1203 --title "COUNTRY NEWS" --first-page 12
gocr_read tune13 pB-short2 --gold "$news/short2.gold.txt" --style B --level mild --font freeserif --seed 1204 --first-page 7
# fresh10: three of the newspaper texts fresh9 holds (never looked at) again, read by
# Tesseract in other styles, faces, levels, folios and seeds, with
# Tesseract's --psm 6 on one; made in session 19 to measure that session's
# changes on text it never saw (measured only)
render fresh10 rD-news4 --gold "$news/news4.gold.txt" --style D --level rough --font garamond --seed 1302 --title "THE COLONY" --first-page 8
render fresh10 rA-news5 --gold "$news/news5.gold.txt" --style A --level rough --font bonum --seed 1303 --title "MINING NEWS" --first-page 3
# tune16: fresh10's first pamphlet, moved here in session 20 once the
# shape of its harm was used (a library-stamp verdict on two lines near
# the text's end; counted, not read)
render tune16 rB-news3 --gold "$news/news3.gold.txt" --style B --level mild --font dejavu-serif --seed 1301 --folio "({})" --first-page 21
# tune15: fresh10's fourth pamphlet, moved here once its 25 harmed words
# were read (a list of soldiers' names and ranks: Pte, cpls, Theo, Auld)
render tune15 rB-news6 --gold "$news/news6.gold.txt" --style B --level mild --font pagella --seed 1304 --psm 6 --folio "— {} —" --first-page 61
# tune14: fresh10 harmed words by the dozen on mild scans; these two take its
# two mild pamphlets' settings (style B, the folios "— {} —" and "({})",
# Pagella with --psm 6, DejaVu Serif) with the texts tune12 holds, to study
# that without reading fresh10's errors (made in session 19, looked at)
render tune14 sB-news1 --gold "$news/news1.gold.txt" --style B --level mild --font pagella --seed 1401 --psm 6 --folio "— {} —" --first-page 33
render tune14 sB-news2 --gold "$news/news2.gold.txt" --style B --level mild --font dejavu-serif --seed 1402 --folio "({})" --first-page 9
# fresh11: five more from the newspaper texts, in styles, faces, levels and
# engines no earlier pamphlet of the same text used, made in session 20 to
# measure that session's changes (measured only)
render fresh11 qA-news2 --gold "$news/news2.gold.txt" --style A --level rough --font termes --seed 1501 --title "THE COLONY" --first-page 12
render fresh11 qD-news5 --gold "$news/news5.gold.txt" --style D --level mild --font schola --seed 1502 --title "MINING NEWS" --first-page 30
render fresh11 qB-short1 --gold "$news/short1.gold.txt" --style B --level rough --font bonum --seed 1503 --folio "- {} -" --first-page 6
gocr_read fresh11 qA-news4 --gold "$news/news4.gold.txt" --style A --level mild --font termes --seed 1504 --title "THE COUNCIL" --first-page 51
ocrad_read fresh11 qD-news3 --gold "$news/news3.gold.txt" --style D --level mild --font pagella --seed 1505 --title "SYDNEY AFFAIRS" --first-page 15
# tune17: fresh11's settings (styles, faces, levels, engines, folios) with the
# newspaper texts the tuning sets hold, to study what fresh11 misses without
# reading it (made in session 20, looked at)
render tune17 sA-news1 --gold "$news/news1.gold.txt" --style A --level rough --font termes --seed 1601 --title "THE COLONY" --first-page 4
render tune17 sD-news6 --gold "$news/news6.gold.txt" --style D --level mild --font schola --seed 1602 --title "LAW AND POLICE" --first-page 22
render tune17 sB-short2 --gold "$news/short2.gold.txt" --style B --level rough --font bonum --seed 1603 --folio "- {} -" --first-page 9
gocr_read tune17 sA-news6 --gold "$news/news6.gold.txt" --style A --level mild --font termes --seed 1604 --title "LAW AND POLICE" --first-page 70
ocrad_read tune17 sD-news1 --gold "$news/news1.gold.txt" --style D --level mild --font pagella --seed 1605 --title "THE COLONY" --first-page 18
# tune18: scans the renderer's two levels do not make: starved ink (broken
# letters) and a low-resolution scan, with the newspaper texts the tuning
# sets hold (made in session 20 as a probe, looked at)
render tune18 tD-starved --gold "$news/news2.gold.txt" --style D --level mild --font libertine --seed 1701 --title "THE COLONY" --first-page 14 --set ink_level=0.53 ink_var=0.06
render tune18 tA-lowres --gold "$news/short2.gold.txt" --style A --level mild --font garamond --seed 1702 --title "THE GOLD FIELDS" --first-page 40 --set dpi=150 scan_blur=0.8
# tune19: GOCR in Pagella, fresh7's kA-pagella setting, with a newspaper text
# the tuning sets hold, to study a loss fresh7 showed without reading it
# (made in session 20, looked at)
gocr_read tune19 uA-news2 --gold "$news/news2.gold.txt" --style A --level mild --font pagella --seed 1801 --title "THE COLONY" --first-page 23
# fresh7's kA-pagella moved here in session 20: the substitutions its
# document teaches (counted, not its errors) showed a capital rewrite losing
gocr_read tune19 kA-pagella --gold $G/c08.gold.txt $G/c10.gold.txt --style A --level mild --font pagella --seed 991 --title "PARTY AND STATE" --first-page 7
gocr_read tune19 uA-book --gold $G/c02.gold.txt $G/c06.gold.txt --style A --level mild --font pagella --seed 1802 --title "THE SOVIET STATE" --first-page 11
# fresh12: four more in settings no earlier pamphlet of the same text used,
# made at the end of session 20 and measured once, before and after that
# session's code, as its unbiased check (measured only)
render fresh12 vD-news1 --gold "$news/news1.gold.txt" --style D --level rough --font pagella --seed 1901 --psm 6 --title "THE COLONY" --first-page 31
render fresh12 vB-short2 --gold "$news/short2.gold.txt" --style B --level mild --font termes --seed 1902 --folio "({})" --first-page 44
gocr_read fresh12 vD-news5 --gold "$news/news5.gold.txt" --style D --level mild --font schola --seed 1903 --title "MINING NEWS" --first-page 8
ocrad_read fresh12 vB-news4 --gold "$news/news4.gold.txt" --style B --level mild --font bonum --seed 1904 --first-page 19
# fresh13: five more in settings no earlier pamphlet of the same text used
# (furniture the renderer's styles do not print, with the newspaper texts;
# GOCR in Liberation Serif; Ocrad in Termes; a heavy rough scan in Nimbus),
# made at the start of session 21 before its code changed, measured only
render fresh13 wD-news3 --furniture chapter-heads --gold "$news/news3.gold.txt" --style D --level rough --font libertine --seed 2001 --title "SYDNEY AFFAIRS" --first-page 17
render fresh13 wA-news6 --furniture corner-folio --gold "$news/news6.gold.txt" --style A --level mild --font freeserif --seed 2002 --psm 6 --first-page 40
gocr_read fresh13 wB-book --gold $G/c10.gold.txt $G/c01.gold.txt --style B --level mild --font liberation --seed 2003 --first-page 25
ocrad_read fresh13 wA-short1 --furniture top-folio --gold "$news/short1.gold.txt" --style A --level mild --font termes --seed 2004 --first-page 60
render fresh13 wD-news2 --gold "$news/news2.gold.txt" --style D --level rough --font nimbus --seed 2005 --title "THE COLONY" --first-page 5 --set $HEAVY
# tune20: fresh13's settings with other texts and seeds, to study what
# fresh13 misses without reading it (made in session 21, looked at)
render tune20 xD-news4 --furniture chapter-heads --gold "$news/news4.gold.txt" --style D --level rough --font libertine --seed 2101 --title "THE COUNCIL" --first-page 9
render tune20 xA-news1 --furniture corner-folio --gold "$news/news1.gold.txt" --style A --level mild --font freeserif --seed 2102 --psm 6 --first-page 12
gocr_read tune20 xB-book --gold $G/c04.gold.txt $G/c08.gold.txt --style B --level mild --font liberation --seed 2103 --first-page 3
ocrad_read tune20 xA-short2 --furniture top-folio --gold "$news/short2.gold.txt" --style A --level mild --font termes --seed 2104 --first-page 30
render tune20 xD-news5 --gold "$news/news5.gold.txt" --style D --level rough --font nimbus --seed 2105 --title "MINING NEWS" --first-page 21 --set $HEAVY
# fresh14: five more in settings no earlier pamphlet of the same text used
# (Tesseract --psm 4 on a rough Pagella page with corner folios; DejaVu with
# bracketed folios; GOCR in Nimbus and Ocrad in Libertine on other texts; a
# heavy Garamond scan with chapter titles for heads), made in session 22
# after its first code change, measured with the code before it and after
render fresh14 mA-news4 --furniture corner-folio --gold "$news/news4.gold.txt" --style A --level rough --font pagella --seed 2201 --psm 4 --first-page 14
render fresh14 mB-short2 --gold "$news/short2.gold.txt" "$news/short1.gold.txt" --style B --level mild --font dejavu-serif --seed 2202 --folio "[{}]" --first-page 7
gocr_read fresh14 mD-news3 --gold "$news/news3.gold.txt" --style D --level mild --font nimbus --seed 2203 --title "SYDNEY NEWS" --first-page 31
ocrad_read fresh14 mD-book --gold $G/c02.gold.txt $G/c10.gold.txt --style D --level mild --font libertine --seed 2204 --title "THE SOVIET UNION" --first-page 9
render fresh14 mB-news6 --furniture chapter-heads --gold "$news/news6.gold.txt" --style B --level rough --font garamond --seed 2205 --first-page 50 --set $HEAVY
# tune21: fresh14's settings with other texts and seeds, to study what
# fresh14 misses without reading it (made in session 22, looked at)
render tune21 cA-news1 --furniture corner-folio --gold "$news/news1.gold.txt" --style A --level rough --font pagella --seed 2301 --psm 4 --first-page 21
render tune21 cB-news5 --gold "$news/news5.gold.txt" --style B --level mild --font dejavu-serif --seed 2302 --folio "[{}]" --first-page 15
gocr_read tune21 cD-short1 --gold "$news/short1.gold.txt" "$news/short2.gold.txt" --style D --level mild --font nimbus --seed 2303 --title "COUNTRY NEWS" --first-page 12
ocrad_read tune21 cD-book --gold $G/c04.gold.txt $G/c06.gold.txt --style D --level mild --font libertine --seed 2304 --title "THE SOVIET STATE" --first-page 41
render tune21 cB-news3 --furniture chapter-heads --gold "$news/news3.gold.txt" --style B --level rough --font garamond --seed 2305 --first-page 70 --set $HEAVY
# tune22: Tesseract's automatic page segmentation (--psm 3, its default, and
# --psm 1 with orientation detection), which no earlier set used, a probe
# made in session 22 (looked at)
render tune22 dA-psm3 --gold $G/c08.gold.txt --style A --level mild --font nimbus --seed 2401 --psm 3 --title PARTYSTATE --first-page 5
render tune22 dD-psm3-rough --gold "$news/news2.gold.txt" --style D --level rough --font libertine --seed 2402 --psm 3 --title NEWS --first-page 11
render tune22 dB-psm1 --gold $G/c06.gold.txt --style B --level rough --font garamond --seed 2403 --psm 1 --first-page 20
# tune23: notes on rough pages with their hOCR and ALTO, to study what a
# layout file's geometry tells of notes (made in session 22, looked at)
render tune23 eB-notes-hocr --gold $G/c02.gold.txt $G/c06.gold.txt --style B --level rough --font nimbus --seed 2501 --folio "[{}]" --first-page 40 --formats txt,hocr,alto
render tune23 eD-notes-hocr --gold $G/c06.gold.txt $G/c01.gold.txt --style D --level rough --font bonum --seed 2502 --title THEPARTY --first-page 8 --formats txt,hocr,alto --set $HEAVY
# tune24: running feet (the title and the folio in one line at the foot,
# render_more.py --furniture running-foot), a layout no set printed, a
# probe made in session 22 (looked at)
render tune24 fA-foot-rough --furniture running-foot --gold $G/c04.gold.txt $G/c10.gold.txt --style A --level rough --font libertine --seed 2601 --title "THE SOVIET STATE" --first-page 15
render tune24 fD-foot --furniture running-foot --gold "$news/news2.gold.txt" --style D --level mild --font nimbus --seed 2602 --title "THE COLONY" --first-page 3
# tune25: rough pages with their hOCR and ALTO in other fonts and texts, to
# study what a layout file's boxes tell of specks (made in session 23, looked at)
render tune25 jA-layout-rough --gold "$news/news5.gold.txt" "$news/news1.gold.txt" --style A --level rough --font termes --seed 2701 --title "THE COLONY" --first-page 6 --formats txt,hocr,alto
render tune25 jD-layout-heavy --gold $G/c08.gold.txt --style D --level rough --font garamond --seed 2702 --title "THE PARTY" --first-page 19 --formats txt,hocr,alto --set $HEAVY
# fresh15: rough pages with their hOCR and ALTO in fonts and styles no layout
# file used, made in session 23 before its first layout change, measured only
render fresh15 nB-layout-rough --gold $G/c04.gold.txt $G/c01.gold.txt --style B --level rough --font schola --seed 2801 --folio "- {} -" --first-page 22 --formats txt,hocr,alto
render fresh15 nA-layout-heavy --gold "$news/news2.gold.txt" "$news/short1.gold.txt" --style A --level rough --font freeserif --seed 2802 --title "COUNTRY NEWS" --first-page 9 --formats txt,hocr,alto --set $HEAVY
render fresh15 nD-layout-rough --gold $G/c10.gold.txt $G/c06.gold.txt --style D --level rough --font pagella --seed 2803 --title "LEADER OR ALLY" --first-page 44 --formats txt,hocr,alto
# fresh16: five more in faces, styles and engines the sets seldom pair (a
# rough Bonum scan of newspaper text; Termes with dashed folios; GOCR in
# Schola; a heavy Libertine scan with --psm 6; Ocrad in Pagella), made at the
# start of session 24, before its first change to the clean text, measured only
render fresh16 oA-bonum-rough --gold "$news/news6.gold.txt" "$news/short2.gold.txt" --style A --level rough --font bonum --seed 2901 --title "THE COLONY" --first-page 12
render fresh16 oB-termes --gold $G/c10.gold.txt $G/c04.gold.txt --style B --level mild --font termes --seed 2902 --folio "- {} -" --first-page 30
gocr_read fresh16 oA-schola --gold "$news/news4.gold.txt" --style A --level mild --font schola --seed 2903 --title "SYDNEY NEWS" --first-page 8
render fresh16 oD-heavy-psm6 --gold $G/c06.gold.txt $G/c08.gold.txt --style D --level rough --font libertine --seed 2904 --psm 6 --title "PARTY AND STATE" --first-page 27 --set $HEAVY
ocrad_read fresh16 oB-pagella --gold "$news/news1.gold.txt" --style B --level mild --font pagella --seed 2905 --first-page 18
# fresh17: five more (a rough Garamond scan of newspaper text; DejaVu with
# --psm 4 and dashed folios; GOCR in Termes; Ocrad in Libertine; a heavy
# FreeSerif scan), made in session 25 after its first changes, measured only
render fresh17 aD-garamond-rough --gold "$news/news3.gold.txt" "$news/short1.gold.txt" --style D --level rough --font garamond --seed 3001 --title "THE COLONY" --first-page 5
render fresh17 aB-dejavu-psm4 --gold $G/c02.gold.txt $G/c08.gold.txt --style B --level mild --font dejavu-serif --seed 3002 --psm 4 --folio "- {} -" --first-page 14
gocr_read fresh17 aD-termes --gold "$news/news5.gold.txt" --style D --level mild --font termes --seed 3003 --title "SYDNEY NEWS" --first-page 2
ocrad_read fresh17 aA-libertine --gold $G/c01.gold.txt --style A --level mild --font libertine --seed 3004 --title "THE SOVIET STATE" --first-page 9
render fresh17 aA-freeserif-heavy --gold $G/c04.gold.txt $G/c10.gold.txt --style A --level rough --font freeserif --seed 3005 --title "PARTY AND STATE" --first-page 19 --set $HEAVY
# tune26: fresh17's two rough Tesseract settings with other texts and seeds,
# to study what they show (made in session 25, looked at)
render tune26 bD-garamond-rough --gold "$news/news6.gold.txt" "$news/short2.gold.txt" --style D --level rough --font garamond --seed 3101 --title "THE COLONY" --first-page 7
render tune26 bA-freeserif-heavy --gold $G/c06.gold.txt $G/c08.gold.txt --style A --level rough --font freeserif --seed 3102 --title "THE SOVIET STATE" --first-page 23 --set $HEAVY
# fresh18: five more in pairings no set used (Ocrad in Bonum on newspaper
# text; GOCR in Schola on the book; a rough Termes scan of newspaper text;
# Liberation Serif with --psm 6; a heavy Schola scan with dashed folios),
# made in session 28 after its changes, measured only
ocrad_read fresh18 sA-bonum --gold "$news/news2.gold.txt" --style A --level mild --font bonum --seed 3201 --title "THE COLONY" --first-page 6
gocr_read fresh18 sB-schola --gold $G/c00.gold.txt $G/c02.gold.txt --style B --level mild --font schola --seed 3202 --folio "[{}]" --first-page 3
render fresh18 sD-termes-rough --gold "$news/news4.gold.txt" "$news/short2.gold.txt" --style D --level rough --font termes --seed 3203 --title "COUNTRY NEWS" --first-page 17
render fresh18 sA-liberation-psm6 --gold $G/c08.gold.txt $G/c10.gold.txt --style A --level mild --font liberation --seed 3204 --psm 6 --title "PARTY AND STATE" --first-page 21
render fresh18 sB-schola-heavy --gold "$news/news3.gold.txt" "$news/news6.gold.txt" --style B --level rough --font schola --seed 3205 --folio "— {} —" --first-page 40 --set $HEAVY
# tune27: fresh18's heavy Schola scan with dashed folios, with other texts and
# seeds, to study what it showed (made in session 29, looked at)
render tune27 tB-schola-heavy --gold "$news/news1.gold.txt" "$news/short1.gold.txt" --style B --level rough --font schola --seed 3301 --folio "— {} —" --first-page 12 --set $HEAVY
render tune27 tB-schola-heavy2 --gold $G/c06.gold.txt $G/c10.gold.txt --style B --level rough --font schola --seed 3302 --folio "— {} —" --first-page 30 --set $HEAVY
# fresh19: five more (GOCR in Pagella on newspaper text; a rough Bonum scan
# with bracketed folios; Ocrad in Schola on the book; a heavy Garamond scan
# with --psm 6; DejaVu with --psm 4 on newspaper text), made in session 29
# during its changes, measured only
gocr_read fresh19 yA-pagella --gold "$news/news5.gold.txt" --style A --level mild --font pagella --seed 3401 --title "SYDNEY NEWS" --first-page 4
render fresh19 yB-bonum-rough --gold $G/c01.gold.txt $G/c08.gold.txt --style B --level rough --font bonum --seed 3402 --folio "[{}]" --first-page 16
ocrad_read fresh19 yD-schola --gold $G/c04.gold.txt --style D --level mild --font schola --seed 3403 --title "THE SOVIET STATE" --first-page 25
render fresh19 yA-garamond-heavy --gold $G/c02.gold.txt $G/c10.gold.txt --style A --level rough --font garamond --seed 3404 --psm 6 --title "THE U.S.S.R." --first-page 31 --set $HEAVY
render fresh19 yD-dejavu-psm4 --gold "$news/news3.gold.txt" "$news/short2.gold.txt" --style D --level mild --font dejavu-serif --seed 3405 --psm 4 --title "THE COLONY" --first-page 9
