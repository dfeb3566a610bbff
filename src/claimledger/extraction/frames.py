"""Extracted claims, sources and dates as polars frames shaped like the warehouse tables."""

from __future__ import annotations

from datetime import date

import polars as pl

from claimledger import vocab
from claimledger.extraction.extract import DocumentExtraction, claim_id
from claimledger.extraction.keys import counts_people, is_party, is_site, key_of, origin_body, origin_of

CLAIM_SCHEMA = {
    "claim_id": pl.Utf8, "doc_id": pl.Utf8, "section": pl.Utf8, "sentence_idx": pl.Int32, "sentence": pl.Utf8,
    "char_start": pl.Int32, "char_end": pl.Int32, "quantity_text": pl.Utf8, "value_low": pl.Float64,
    "value_high": pl.Float64, "qualifier": pl.Utf8, "is_approximate": pl.Boolean, "unit": pl.Utf8,
    "subject": pl.Utf8, "metric": pl.Utf8, "location": pl.Utf8, "as_of": pl.Date, "as_of_precision": pl.Utf8,
    "hedge": pl.Utf8, "value_source": pl.Utf8, "policy_version": pl.Int32,
    "thing": pl.Utf8, "actor": pl.Utf8, "place": pl.Utf8, "place_parent": pl.Utf8, "period_start": pl.Date,
    "period_precision": pl.Utf8, "is_projection": pl.Boolean, "is_partial": pl.Boolean, "is_people": pl.Boolean,
    "is_list_item": pl.Boolean,
    "is_site_place": pl.Boolean,
    "kind": pl.Utf8, "assertion": pl.Utf8, "event_scope": pl.Utf8,
}
SOURCE_SCHEMA = {"claim_id": pl.Utf8, "source_text": pl.Utf8, "source_canonical": pl.Utf8, "cue": pl.Utf8,
                 "scope": pl.Utf8, "source_origin": pl.Utf8, "is_party": pl.Boolean,
                 "origin_body": pl.Utf8}
SET_ASIDE_SCHEMA = {"doc_id": pl.Utf8, "section": pl.Utf8, "sentence_idx": pl.Int32, "char_start": pl.Int32,
                    "char_end": pl.Int32, "number_text": pl.Utf8, "kind": pl.Utf8}
DATE_SCHEMA = {"doc_id": pl.Utf8, "section": pl.Utf8, "sentence_idx": pl.Int32, "char_start": pl.Int32,
               "char_end": pl.Int32, "date_text": pl.Utf8, "resolved": pl.Date, "precision": pl.Utf8}


def to_frames(extractions: list[DocumentExtraction]) -> dict[str, pl.DataFrame]:
    """Claims, claim_sources and document_dates frames for a batch of extracted articles."""
    claims: list[dict] = []
    sources: list[dict] = []
    dates: list[dict] = []
    set_aside: list[dict] = []
    policy = vocab.vague_policy_version()
    for ex in extractions:
        for c in ex.claims:
            cid = claim_id(ex.doc_id, c.section, c.char_start, c.char_end,
                           c.metric if c.value_source == "derived" else None)
            key = key_of(unit=c.unit, subject=c.subject, sentence=c.sentence, location=c.location,
                         as_of=date.fromisoformat(c.as_of) if c.as_of else None, as_of_precision=c.as_of_precision,
                         published=ex.published)
            claims.append({
                "claim_id": cid, "doc_id": ex.doc_id, "section": c.section, "sentence_idx": c.sentence_idx,
                "sentence": c.sentence, "char_start": c.char_start, "char_end": c.char_end,
                "quantity_text": c.quantity_text, "value_low": c.value_low, "value_high": c.value_high,
                "qualifier": c.qualifier, "is_approximate": c.is_approximate, "unit": c.unit,
                "subject": c.subject, "metric": c.metric, "location": c.location, "as_of": c.as_of,
                "as_of_precision": c.as_of_precision, "hedge": c.hedge, "value_source": c.value_source,
                "policy_version": policy if c.value_source == "vague_policy" else None,
                "thing": key.thing, "actor": key.actor, "place": key.place, "place_parent": key.place_parent,
                "period_start": key.period_start.isoformat() if key.period_start else None,
                "period_precision": key.period_precision, "is_projection": c.is_projection,
                "is_partial": c.is_partial, "is_people": counts_people(c.unit), "is_list_item": c.is_list_item,
                "is_site_place": is_site(key.place),
                "kind": c.kind, "assertion": c.assertion, "event_scope": c.event_scope,
            })
            for s in c.sources:
                origin = origin_of(s.source_canonical)
                sources.append({"claim_id": cid, "source_text": s.source_text, "source_canonical": s.source_canonical,
                                "cue": s.cue, "scope": s.scope, "source_origin": origin,
                                "is_party": is_party(s.source_canonical), "origin_body": origin_body(origin)})
        dates.extend({"doc_id": ex.doc_id, "section": section, "sentence_idx": idx, "char_start": d.start,
                      "char_end": d.end, "date_text": d.text, "resolved": d.resolved, "precision": d.precision}
                     for section, idx, d in ex.dates)
        set_aside.extend({"doc_id": ex.doc_id, "section": n.section, "sentence_idx": n.sentence_idx,
                          "char_start": n.char_start, "char_end": n.char_end, "number_text": n.number_text,
                          "kind": n.kind} for n in ex.set_aside)
    claims_df = pl.DataFrame(claims, schema={k: (pl.Utf8 if v == pl.Date else v) for k, v in CLAIM_SCHEMA.items()})
    claims_df = claims_df.with_columns(pl.col("as_of").str.to_date(), pl.col("period_start").str.to_date())
    return {
        "claims": claims_df,
        "claim_sources": pl.DataFrame(sources, schema=SOURCE_SCHEMA),
        "document_dates": pl.DataFrame(dates, schema=DATE_SCHEMA),
        "numbers_set_aside": pl.DataFrame(set_aside, schema=SET_ASIDE_SCHEMA),
    }


def concat_frames(parts: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """One set of frames from the frames of several batches, in batch order."""
    return {name: pl.concat([p[name] for p in parts]) for name in parts[0]} if parts else to_frames([])


def claims_with_sources(frames: dict[str, pl.DataFrame]) -> list[dict]:
    """Each claim as a dict with its list of sources, in text order (what `claimledger extract` prints)."""
    sources = (
        frames["claim_sources"]
        .group_by("claim_id", maintain_order=True)
        .agg(pl.struct(["source_text", "source_canonical", "cue", "scope"]).alias("sources"))
    )
    joined = frames["claims"].join(sources, on="claim_id", how="left", maintain_order="left")
    return [dict(row, sources=row["sources"] or []) for row in joined.iter_rows(named=True)]
