-- One row per pair of claims that cannot both hold, with both sentences, values, sources and documents.
with pairs as (select * from v_claim_pairs where not intervals_overlap),

sourcing as (select claim_id, sources from v_claim_sourcing),

final as (
    select p.claim_id, p.related_claim_id, p.metric, p.thing, p.actor, p.place, p.story, p.finding_key,
           case when p.is_weak then 'warning' else 'error' end as severity,
           a.quantity_text, a.value_low, a.value_high, a.qualifier, a.sentence, sa.sources,
           da.doc_id, da.title, da.outlet, da.published_at,
           b.quantity_text as related_quantity_text, b.value_low as related_value_low,
           b.value_high as related_value_high, b.qualifier as related_qualifier,
           b.sentence as related_sentence, sb.sources as related_sources,
           db.doc_id as related_doc_id, db.title as related_title, db.outlet as related_outlet,
           db.published_at as related_published_at
    from pairs as p
    join claims as a on a.claim_id = p.claim_id
    join claims as b on b.claim_id = p.related_claim_id
    join documents as da on da.doc_id = a.doc_id
    join documents as db on db.doc_id = b.doc_id
    left join sourcing as sa on sa.claim_id = p.claim_id
    left join sourcing as sb on sb.claim_id = p.related_claim_id
)

select * from final
