-- Per story, counted group (v_claim_groups) and month: low / best / high over the group's figures, by
-- v_claim_estimates' rules (best the lowest point estimate, ACLED; low the lowest lower bound and high
-- the highest upper bound or NULL when a figure is open-ended, UCDP), and who holds each end. Computed
-- from the claims rather than from v_claim_estimates, whose rows hold no story: the checks compare
-- figures within a story, so an estimate is a story's. `is_latest` marks the month a summary quotes:
-- the latest dated one (undated only when no other is).
with sourced as (
    select f.*, g.group_id, g.group_thing, g.group_actor
    from v_estimate_figures as f
    join v_claim_groups as g
      on g.story is not distinct from f.story and g.thing is not distinct from f.thing
     and g.actor is not distinct from f.actor and g.metric is not distinct from f.metric
     and g.place is not distinct from f.place
),

keyed as (
    -- each figure beside its group's lowest point, lowest low bound and highest high bound for the month
    select s.*,
           min(point) over w as group_best,
           min(coalesce(value_low, 0)) over w as group_low,
           max(value_high) over w as group_high
    from sourced as s
    window w as (partition by group_id, period_month)
),

final as (
    select story, group_id, group_thing, group_actor, metric, place, period_month,
           min(coalesce(value_low, 0)) as low,
           min(point) as best,
           case when bool_or(value_high is null) then null else max(value_high) end as high,
           len(list_distinct(flatten(list(origins)))) as n_origins,
           origins_text(list(origins)) as origins,
           -- a stated figure wins over an open bound at the same point, as in v_claim_estimates
           arg_min(basis, basis_rank(basis)) filter (where point = group_best) as best_basis,
           origins_text(list(origins) filter (where point = group_best)) as best_origins,
           origins_text(list(origins) filter (where coalesce(value_low, 0) = group_low)) as low_origins,
           -- an open high end is held by the figures that are open-ended
           origins_text(case when bool_or(value_high is null) then list(origins) filter (where value_high is null)
                             else list(origins) filter (where value_high = group_high) end) as high_origins,
           count(*) as n_claims,
           count(distinct doc_id) as n_documents,
           count(distinct (thing, actor)) as n_keys,
           min(published_at) as first_seen,
           max(published_at) as last_seen
    from keyed
    group by all
)

select *, row_number() over (partition by group_id order by period_month desc nulls last) = 1 as is_latest
from final
order by story nulls last, group_id, period_month
