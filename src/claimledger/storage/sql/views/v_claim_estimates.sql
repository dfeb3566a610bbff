-- Per claim key and month: low / best / high (UCDP's model), the number of independent origins
-- and documents, first and last seen. Rule for "best": the lowest point estimate among the figures
-- (ACLED uses the most conservative figure when sources differ); a point estimate is the stated
-- value, the bound of "more than"/"at least"/"up to", or the vague policy's conservative value.
with sourced as (
    select * from v_estimate_figures
),

keyed as (
    -- each figure beside its key's lowest point, lowest low bound and highest high bound for the month
    select s.*,
           min(point) over w as key_best,
           min(coalesce(value_low, 0)) over w as key_low,
           max(value_high) over w as key_high
    from sourced as s
    window w as (partition by thing, actor, metric, place, date_trunc('month', period_start))
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
           origins_text(list(origins)) as origins,
           min(published_at) as first_seen,
           max(published_at) as last_seen,
           'lowest point estimate (ACLED: most conservative); low = lowest lower bound; high = highest upper bound, NULL when a figure is open-ended (UCDP)' as best_rule,
           -- how the best was chosen: a stated figure wins over an open bound at the same point
           arg_min(basis, basis_rank(basis)) filter (where point = key_best) as best_basis,
           -- who holds each end: the origins of the figures at the best, the low and the high
           origins_text(list(origins) filter (where point = key_best)) as best_origins,
           origins_text(list(origins) filter (where coalesce(value_low, 0) = key_low)) as low_origins,
           -- the high end is open when any figure is: then it is held by the open-ended figures
           origins_text(case when bool_or(value_high is null) then list(origins) filter (where value_high is null)
                             else list(origins) filter (where value_high = key_high) end) as high_origins
    from keyed
    group by all
)

select * from final
order by thing, actor, metric, place, period_month
