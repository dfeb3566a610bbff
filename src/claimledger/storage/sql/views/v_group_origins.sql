-- Who says what: per story, counted group (v_claim_groups) and origin, the origin's latest figure (its
-- claim, value and article) and how many figures it gave; '(unsourced)' gathers the figures no
-- source backs. Parts ("including four children") and projections are left out, as in the estimates:
-- they are not the origin's count of the group.
with figures as (
    select story, group_id, group_thing, group_actor, metric, place, origin, claim_id, doc_id, quantity_text,
           value_low, value_high, qualifier, period_start, published_at, title, outlet
    from v_group_timeline
    where not is_projection and not is_partial
    -- a claim two speakers of one origin back is one figure of that origin
    qualify row_number() over (partition by group_id, claim_id, origin order by source_canonical) = 1
),

final as (
    select *, count(*) over (partition by group_id, origin) as n_figures
    from figures
    -- the latest: the figure's own period first, then its article's date
    qualify row_number() over (partition by group_id, origin
                               order by period_start desc nulls last, published_at desc nulls last, claim_id) = 1
)

select * from final
order by story nulls last, group_id, origin
