-- Per claim key and month: low / best / high (UCDP's model), the number of independent origins
-- and documents, first and last seen. Rule for "best": the lowest point estimate among the figures
-- (ACLED uses the most conservative figure when sources differ); a point estimate is the stated
-- value, the bound of "more than"/"at least"/"up to", or the vague policy's conservative value.
with claims_in_scope as (
    select c.*, d.published_at, d.doc_id as document
    from claims as c join documents as d using (doc_id)
    where is_checked_claim(c.section, c.kind, c.assertion, c.event_scope, c.metric, c.thing)
      and not coalesce(c.is_projection, false) and not coalesce(c.is_partial, false)
),

sourced as (
    select c.*, coalesce(s.origins, []) as origins
    from claims_in_scope as c
    left join (select claim_id, list(distinct source_origin) as origins from claim_sources group by claim_id) as s
      using (claim_id)
),

final as (
    select thing, actor, metric, place,
           date_trunc('month', period_start)::date as period_month,
           min(coalesce(value_low, 0)) as low,
           min(coalesce(value_low, value_high)) as best,
           case when bool_or(value_high is null) then null else max(value_high) end as high,
           len(list_distinct(flatten(list(origins)))) as n_origins,
           count(distinct document) as n_documents,
           count(*) as n_claims,
           array_to_string(list_sort(list_distinct(flatten(list(origins)))), '; ') as origins,
           min(published_at) as first_seen,
           max(published_at) as last_seen,
           'lowest point estimate (ACLED: most conservative); low = lowest lower bound; high = highest upper bound, NULL when a figure is open-ended (UCDP)' as best_rule
    from sourced
    group by all
)

select * from final
order by thing, actor, metric, place, period_month
