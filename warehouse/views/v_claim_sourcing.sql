-- Every claim with the number of sources it has; the unsourced_claims suite asserts n_sources >= 1.
with sources as (
    select claim_id, count(*) as n_sources,
           string_agg(distinct source_canonical, '; ' order by source_canonical) as sources
    from claim_sources
    group by claim_id
),

final as (
    select c.claim_id, c.doc_id, c.section, c.sentence, c.quantity_text, c.value_low, c.value_high,
           c.qualifier, c.unit, c.metric, c.hedge,
           coalesce(s.n_sources, 0) as n_sources,
           s.sources
    from claims as c
    left join sources as s using (claim_id)
)

select * from final
