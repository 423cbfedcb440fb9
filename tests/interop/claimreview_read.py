"""Expands ClaimReview JSON-LD with pyld and prints, per ClaimReview, the values that
Google requires or recommends, read from the expanded form (full schema.org IRIs).

usage: claimreview_read.py REVIEWS.json
The network is out of reach in tests, so the loader serves the schema.org context from a
stand-in that maps every term into the schema.org namespace (what the real context does for
the terms used here) and refuses any other remote document.
"""
import json
import sys

from pyld import jsonld

S = "http://schema.org/"
CONTEXT = {"@context": {"@vocab": S}}


def loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise RuntimeError(f"refusing to fetch {url}")


jsonld.set_document_loader(loader)


def values(node, prop):
    return node.get(S + prop, [])


def one(node, prop):
    vs = values(node, prop)
    if not vs:
        return None
    v = vs[0]
    return v.get("@value", v.get("@id", v))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    expanded = jsonld.expand(doc)
    out = []
    for node in expanded:
        if S + "ClaimReview" not in node.get("@type", []):
            continue
        rating = values(node, "reviewRating")[0]
        item = values(node, "itemReviewed")[0]
        out.append({
            "url": one(node, "url"),
            "claimReviewed": one(node, "claimReviewed"),
            "alternateName": one(rating, "alternateName"),
            "ratingValue": one(rating, "ratingValue"),
            "author": one(values(node, "author")[0], "name") if values(node, "author") else None,
            "datePublished": one(node, "datePublished"),
            "item_type": item.get("@type"),
            "item_authors": [one(a, "name") for a in values(item, "author")],
            "item_datePublished": one(item, "datePublished"),
            "appearances": [one(a, "url") for a in values(item, "appearance")],
            "firstAppearance": one(values(item, "firstAppearance")[0], "url")
            if values(item, "firstAppearance") else None,
        })
    print(json.dumps(out))


main()
