-- Pairs of claims from different articles about the same thing: same metric and counted noun,
-- same story (or shared tags when neither names a story), published within 7 days, and not
-- dated more than 7 days apart. `intervals_overlap` is false when both cannot hold.
--
-- Tolerance: an approximate value ("about 1,200") stands for +/-10 %; vague values already carry
-- their policy bounds; open bounds are open (NULL low is 0 for counts, NULL high is unbounded);
-- strict bounds ("over", "fewer than") are read inclusively so that a rounding never contradicts.
with params as (select 0.10 as approx_tolerance, 7 as window_days),

bounded as (
    select c.claim_id, c.doc_id, c.metric, c.unit, c.as_of, c.value_low, c.value_high, c.qualifier,
           d.story, d.tags, d.published_at,
           coalesce(c.value_low, 0) * (case when c.is_approximate and c.qualifier <> 'vague'
                                            then 1 - p.approx_tolerance else 1 end) as low_eff,
           coalesce(c.value_high, 'infinity'::double) * (case when c.is_approximate and c.qualifier <> 'vague'
                                                              then 1 + p.approx_tolerance else 1 end) as high_eff
    from claims as c
    join documents as d using (doc_id)
    cross join params as p
    where c.metric <> 'other' and c.unit is not null
),

paired as (
    select a.claim_id, b.claim_id as related_claim_id, a.doc_id, b.doc_id as related_doc_id,
           a.metric, a.unit, coalesce(a.story, b.story) as story,
           a.low_eff, a.high_eff, b.low_eff as related_low_eff, b.high_eff as related_high_eff,
           a.high_eff >= b.low_eff and b.high_eff >= a.low_eff as intervals_overlap
    from bounded as a
    join bounded as b
      on a.claim_id < b.claim_id
     and a.doc_id <> b.doc_id
     and a.metric = b.metric
     and a.unit = b.unit
    cross join params as p
    where (
            (a.story is not null and a.story = b.story)
            or (a.story is null and b.story is null and len(list_intersect(a.tags, b.tags)) > 0)
          )
      and a.published_at is not null and b.published_at is not null
      and abs(date_diff('day', a.published_at, b.published_at)) <= p.window_days
      and (a.as_of is null or b.as_of is null or abs(date_diff('day', a.as_of, b.as_of)) <= p.window_days)
),

final as (select * from paired)

select * from final
