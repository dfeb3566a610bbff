-- Per claim key, each origin's figures over time, with the article that carried them.
with final as (
    select c.thing, c.actor, c.metric, c.place, c.period_start, d.published_at,
           coalesce(s.source_origin, '(unsourced)') as origin, s.source_canonical, c.value_low, c.value_high,
           c.qualifier, c.quantity_text, d.title, d.outlet, c.claim_id, c.doc_id
    from claims as c
    join documents as d using (doc_id)
    left join claim_sources as s using (claim_id)
    where is_checked_claim(c.section, c.kind, c.assertion, c.event_scope, c.metric, c.thing)
)

select * from final
order by thing, actor, metric, place, origin, published_at
