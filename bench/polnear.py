#!/usr/bin/env python3
"""Scores `claimgraph extract` on PolNeAR, overall and per publisher.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) is 1,008 US political news articles from
seven publishers in which every attribution is annotated by hand as source, cue and content
(brat standoff). The corpus is not part of this repository: point POLNEAR_DIR at its `data`
folder (the one holding `train/` and `dev/`).

    POLNEAR_DIR=/path/to/PolNeAR/data bench/polnear.py [--split dev] [--binary PATH]
    POLNEAR_DIR=... bench/polnear.py --split train --errors 40 --publisher nyt

Matching rule (strict): a record matches a gold attribution when the content words its claim
shares with the gold content are at least half of the claim's content words and at least half
of the gold's; and its source or linked entity shares a content word with the gold source,
unless the gold source is a pronoun or empty (the corpus does not resolve pronouns). Each
record matches at most one gold attribution, the first unused one in file order. Only the
first annotation file of an article counts, and gold attributions without content words are
dropped.

Precision is over all gold attributions: PolNeAR also annotates beliefs and intentions ("are
looking for ways"), so a reported belief extracted correctly is not a false positive. Recall
is given over all gold attributions and over those whose cue is a verb or phrase of speech
or denial (or a colon): the ones this extractor sets out to find.

`--errors N` prints up to N unmatched records and N missed speech-cue attributions with
their article, for studying the rules; it prints corpus text to the terminal only.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys

# Function words left out when claims and contents are compared.
STOPWORDS = frozenset(
    """the a an of to in on for and or that this is are was were be been has have had it its
    he she they his her their by with as at from not no will would could should may might can
    do does did but if than then so""".split()
)
# Gold sources that say nothing about who spoke.
PRONOUNS = frozenset(
    "he she they it i we you him her them his their who which that".split()
)
# Cues of speech or denial, the recall this extractor is measured by.
SPEECH = re.compile(
    r"\b(?:said|says|say|saying|told|tell|telling|tells|according|wrote|writes|write|added|"
    r"adding|adds|noted|noting|notes|announced|announces|reported|reports|report|denied|"
    r"denies|deny|denying|responded|argued|argues|claimed|claims|claim|stated|states|"
    r"insisted|insists|explained|replied|tweeted|admitted|acknowledged|warned|warns|"
    r"confirmed|confirms|estimated|estimates|suggested|suggests|alleged|alleges|accused|"
    r"accuses|rejected|dismissed|testified|predicted|declared|asserted|maintained|contended|"
    r"disputed|countered|stressed|emphasized|conceded|promised|pledged|vowed|cited|citing|"
    r"quoted|statement|revealed|disclosed)\b"
)
WORD = re.compile(r"[a-z0-9]+")


def content_words(text):
    """Lower-cased words of `text` without function words."""
    text = (text or "").lower().replace("\u2019", "'")
    return [w for w in WORD.findall(text) if w not in STOPWORDS]


def read_gold(path):
    """The attributions of one brat file as dicts of Source, Cue and Content text."""
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0].startswith("T") and len(fields) >= 3:
                spans[fields[0]] = fields[2]
            elif fields[0].startswith("E") and len(fields) >= 2:
                events.append(fields[1])
    gold = []
    for event in events:
        roles = dict(part.split(":", 1) for part in event.split() if ":" in part)
        item = {k: spans.get(roles.get(k, ""), "") for k in ("Source", "Cue", "Content")}
        if content_words(item["Content"]):
            gold.append(item)
    return gold


def is_speech(gold):
    return bool(SPEECH.search(gold["Cue"].lower())) or gold["Cue"].strip() == ":"


def matches(record, gold):
    claim = set(content_words(record.get("claim")))
    content = set(content_words(gold["Content"]))
    shared = len(claim & content)
    if not claim or not content or shared < 0.5 * max(len(claim), len(content)):
        return False
    source = gold["Source"].lower().strip()
    if source in PRONOUNS or not content_words(source):
        return True
    said_by = " ".join(str(record.get(k) or "") for k in ("source", "entity"))
    return bool(set(content_words(said_by)) & set(content_words(source)))


def extract(binary, path):
    run = subprocess.run(
        [binary, "extract", path, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if run.returncode != 0:
        return None
    try:
        return json.loads(run.stdout)
    except ValueError:
        return None


def articles(root, split):
    """(stem, text path, first annotation path) for every annotated article of the split."""
    text_dir = os.path.join(root, split, "text")
    ann_dir = os.path.join(root, split, "attributions")
    anns = collections.defaultdict(list)
    for name in sorted(os.listdir(ann_dir)):
        anns[name.rsplit("_", 1)[0]].append(name)
    for name in sorted(os.listdir(text_dir)):
        stem = name[: -len(".txt")]
        if anns.get(stem):
            yield stem, os.path.join(text_dir, name), os.path.join(ann_dir, anns[stem][0])


class Tally:
    def __init__(self):
        self.predicted = self.right = 0
        self.gold = self.found = 0
        self.speech = self.speech_found = 0

    def add(self, other):
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def figures(self):
        p = self.right / max(1, self.predicted)
        r = self.found / max(1, self.gold)
        rs = self.speech_found / max(1, self.speech)
        return p, r, rs


def score(stem, text_path, ann_path, binary):
    gold = read_gold(ann_path)
    records = extract(binary, text_path)
    t = Tally()
    if records is None:
        return stem, t, gold, [], set(), True
    used, wrong = set(), []
    for rec in records:
        t.predicted += 1
        j = next((j for j, g in enumerate(gold) if j not in used and matches(rec, g)), None)
        if j is None:
            wrong.append(rec)
        else:
            used.add(j)
            t.right += 1
    t.gold = len(gold)
    t.found = len(used)
    speech = [j for j, g in enumerate(gold) if is_speech(g)]
    t.speech = len(speech)
    t.speech_found = sum(1 for j in speech if j in used)
    return stem, t, gold, wrong, used, False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--binary", default="target/release/claimgraph")
    ap.add_argument("--publisher", help="score only articles of this publisher")
    ap.add_argument("--errors", type=int, default=0, metavar="N")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    root = os.environ.get("POLNEAR_DIR")
    if not root:
        sys.exit("polnear.py: set POLNEAR_DIR to PolNeAR's data folder")
    items = [
        a
        for a in articles(root, args.split)
        if not args.publisher or a[0].split("_", 1)[0] == args.publisher
    ]
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda a: score(*a, args.binary), items))
    total, by_pub, failed = Tally(), collections.defaultdict(Tally), 0
    fps, misses = [], []
    for stem, t, gold, wrong, used, fail in results:
        failed += fail
        total.add(t)
        by_pub[stem.split("_", 1)[0]].add(t)
        fps.extend((stem, r) for r in wrong)
        misses.extend(
            (stem, g) for j, g in enumerate(gold) if j not in used and is_speech(g)
        )
    print(f"PolNeAR {args.split}: {len(items)} articles, {total.predicted} records, "
          f"{total.gold} gold ({total.speech} with speech cues), {failed} failed runs")
    print("| publisher | records | precision | recall (all) | recall (speech cues) |")
    print("|---|---:|---:|---:|---:|")
    for pub in sorted(by_pub):
        p, r, rs = by_pub[pub].figures()
        print(f"| {pub} | {by_pub[pub].predicted} | {p:.3f} | {r:.3f} | {rs:.3f} |")
    p, r, rs = total.figures()
    print(f"| **all** | {total.predicted} | **{p:.3f}** | {r:.3f} | **{rs:.3f}** |")
    if args.errors:
        print(f"\n## {len(fps)} unmatched records (first {args.errors})")
        for stem, rec in fps[: args.errors]:
            print(f"- {stem} [{rec.get('sentence')}] {rec.get('source')!r} {rec.get('rel')} "
                  f"{rec.get('cue')!r}: {rec.get('claim')!r}")
        print(f"\n## {len(misses)} missed speech-cue attributions (first {args.errors})")
        for stem, g in misses[: args.errors]:
            print(f"- {stem} {g['Source']!r} {g['Cue']!r}: {g['Content']!r}")


if __name__ == "__main__":
    main()
