-- The figures the HTML report draws for the groups it shows (the first parameter, a list of group ids):
-- one point per claim and origin (two speakers of one origin backing a claim are one figure), at
-- most the second parameter's number per group, the latest first kept, since a chart of thousands of
-- dots reads as none and makes the page heavy. `n_points` is how many the group holds in all, so the
-- page can say how many more v_group_timeline holds.
with points as (
    select *
    from v_group_timeline
    where list_contains(?, group_id) and published_at is not null
    qualify row_number() over (partition by claim_id, origin order by source_canonical) = 1
),

final as (
    select *, count(*) over (partition by group_id) as n_points
    from points
    qualify row_number() over (partition by group_id order by published_at desc, claim_id, origin) <= ?
)

select * from final
order by story nulls last, group_id, published_at, origin
