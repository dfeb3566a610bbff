-- Pairs that must agree: same key, periods within 7 days, and no origin in common (a different
-- figure from the same origin is a revision, see v_revisions). `intervals_overlap` is false when
-- both cannot hold; the contradictory_claims suite asserts it is true.
-- A cumulative total (killed, injured, arrested, ...) reported higher on a later day may be an
-- update of the same toll rather than a disagreement: such a pair is not asked to agree when either
-- side has no origin to tell (say less when the evidence is weak).
with params as (select 7 as window_days),

final as (
    select k.*
    from v_claim_key_pairs as k
    cross join params as p
    where k.period_gap_days <= p.window_days
      and abs(date_diff('day', k.published_at, k.related_published_at)) <= p.window_days
      and not k.same_origin
      and not (k.metric in ('killed', 'injured', 'casualties', 'captured', 'displaced', 'arrested')
               and (len(k.origins) = 0 or len(k.related_origins) = 0)
               and k.related_published_at::date > k.published_at::date
               and k.related_low_eff >= k.high_eff)
)

select * from final
