-- Every claim with the number of sources it has, and whether the unsourced check looks at it
-- (`is_checked`: a count asserted by the article about its own event; see schema.sql).
with sources as (
    select claim_id, count(*) as n_sources,
           string_agg(distinct source_canonical, '; ' order by source_canonical) as sources
    from claim_sources
    group by claim_id
),

final as (
    select c.claim_id, c.doc_id, c.section, c.sentence, c.quantity_text, c.value_low, c.value_high,
           c.qualifier, c.unit, c.metric, c.hedge, c.kind, c.assertion, c.event_scope,
           coalesce(s.n_sources, 0) as n_sources,
           s.sources,
           is_sourcing_checked(c.section, c.kind, c.assertion, c.event_scope, c.metric, c.thing, c.is_people,
                               c.is_list_item, c.is_partial, c.quantity_text, c.value_source,
                               c.value_high)
               as is_checked
    from claims as c
    left join sources as s using (claim_id)
)

select * from final
