-- Pairs that must agree: same key, periods within 7 days, and no origin in common (a different
-- figure from the same origin is a revision, see v_revisions). `intervals_overlap` is false when
-- both cannot hold; the contradictory_claims suite asserts it is true.
with params as (select 7 as window_days),

final as (
    select k.*
    from v_claim_key_pairs as k
    cross join params as p
    where k.period_gap_days <= p.window_days
      and abs(date_diff('day', k.published_at, k.related_published_at)) <= p.window_days
      and not k.same_origin
)

select * from final
