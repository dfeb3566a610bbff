-- Pairs that must agree: same key, periods within 7 days, and no origin in common (a different
-- figure from the same origin is a revision, see v_revisions). `intervals_overlap` is false when
-- both cannot hold; the contradictory_claims suite asserts it is true.
-- Tolls move: a cumulative total (killed, injured, arrested, ...) reported higher for a later day
-- (the figure's own date; else its article's, published at least 2 hours later in a sentence that
-- says the toll moved) reads as an update of the same toll, however far it went (first counts are
-- small: 15 injured in the morning and 212 the next day is an ordinary disaster), and a missing count
-- that falls on a later day as people found; such a pair is not asked to agree (say less when the
-- evidence is weak). A toll that falls, or two figures for the same time, still are. A higher figure
-- (a lower missing count) published half a day or more later, for the same day or a later one, is
-- the count going on whoever gives it (see final).
-- Whose: a count that names whose people they are ("four Sulorian soldiers") may be part of a count
-- that does not ("13 soldiers died: nine of one side, four of the other"); a smaller named count
-- beside a larger unnamed one is not asked to agree. A named count larger than the unnamed one is.
with params as (select 7 as window_days, 2 as rise_gap_hours),

ordered as (
    select k.*,
           -- which side is about the later day
           case when k.related_period_start > k.period_start then 1
                when k.related_period_start < k.period_start then -1
                -- published later, saying the toll moved ("the number of injured has risen to 21", "12 were
                -- still missing"): hours are enough, as the sentence itself tells of the change
                when date_diff('hour', k.published_at, k.related_published_at) >= p.rise_gap_hours
                     and k.related_says_rise then 1
                else 0 end as later_side,
           -- which side was published half a day later or more
           case when date_diff('hour', k.published_at, k.related_published_at) >= 12 then 1
                when date_diff('hour', k.related_published_at, k.published_at) >= 12 then -1
                else 0 end as published_later_side,
           k.metric in ('killed', 'injured', 'casualties', 'captured', 'displaced', 'arrested') as grows
    from v_claim_key_pairs as k
    cross join params as p
),

moves as (
    -- whether one side's figure could be the other's count gone on: a total higher, a missing count lower
    select o.*,
           (o.grows and o.related_low_eff >= o.high_eff) or (o.metric = 'missing' and o.related_high_eff <= o.low_eff)
               as related_went_on,
           (o.grows and o.low_eff >= o.related_high_eff) or (o.metric = 'missing' and o.high_eff <= o.related_low_eff)
               as went_on
    from ordered as o
),

final as (
    select k.* exclude (later_side, published_later_side, grows, related_went_on, went_on)
    from moves as k
    cross join params as p
    where k.period_gap_days <= p.window_days
      and abs(date_diff('day', k.published_at, k.related_published_at)) <= p.window_days
      and not k.same_origin
      and not (k.later_side = 1 and k.related_went_on)
      and not (k.later_side = -1 and k.went_on)
      -- a total published half a day or more later and higher (a missing count lower), for the same day
      -- or a later one, is most likely the count gone on, whoever gives it: the reporter repeating the
      -- updated toll ("the fire killed at least 17" the day after the fire service's 14), the health
      -- department's 22 dead two days after the police's 9. A shared date is often the day of the event
      -- ("died after drinking on Saturday night"), not the day the count was made; say nothing rather
      -- than set the later count against the earlier. Counts of an act done on a named day ("212
      -- detained on Friday night") stay with that day: only tolls (people die of their wounds, the
      -- missing are found) move after the day they are dated to
      and not ((k.later_side = 0 or k.later_side = k.published_later_side)
               and ((k.published_later_side = 1 and k.related_went_on) or (k.published_later_side = -1 and k.went_on))
               and (k.metric in ('killed', 'injured', 'casualties', 'missing')
                    or k.period_precision = 'published' or k.related_period_precision = 'published'
                    or k.later_side <> 0))
      -- counts of an act on two named days ("212 detained on Friday night", "95 detained tonight" on
      -- Sunday) count different nights' arrests; tolls, which only grow, are compared across days above
      and not (k.metric not in ('killed', 'injured', 'casualties', 'missing')
               and k.period_precision = 'day' and k.related_period_precision = 'day'
               and k.period_start <> k.related_period_start)
      -- "nobody died" is said of one place or group ("in Tenkir", "no children"): a zero is set
      -- against another figure only when both name the same place
      and not (k.place is null and (k.high_eff = 0 or k.related_high_eff = 0))
      and not (k.actor is null and k.related_actor is not null and k.low_eff >= k.related_high_eff)
      and not (k.related_actor is null and k.actor is not null and k.related_low_eff >= k.high_eff)
)

select * from final
