-- Parts that must add up to a stated whole: killed + injured against casualties for the same key,
-- when one account gives all three: the same origin (in one article, or within 7 days on the same story), or one article
-- that credits none of them to anyone. Figures of different origins that disagree are contradictions,
-- not sums that fail. `passed` is false when the sum of the parts' intervals and the whole's interval
-- cannot both hold.
with params as (select 0.10 as approx_tolerance, 7 as window_days),

origins as (
    select claim_id, list(distinct source_origin) as origins from claim_sources group by claim_id
),

bounded as (
    select c.claim_id, c.doc_id, c.metric, c.thing, c.actor, c.place, c.period_start, c.quantity_text,
           coalesce(o.origins, []) as origins, d.story, d.tags,
           coalesce(c.value_low, 0) * (case when c.is_approximate and c.qualifier <> 'vague'
                                            then 1 - p.approx_tolerance else 1 end) as low_eff,
           coalesce(c.value_high, 'infinity'::double) * (case when c.is_approximate and c.qualifier <> 'vague'
                                                              then 1 + p.approx_tolerance else 1 end) as high_eff
    from claims as c
    join documents as d using (doc_id)
    left join origins as o using (claim_id)
    cross join params as p
    where is_checked_claim(c.section, c.kind, c.assertion, c.event_scope, c.metric, c.thing)
      and c.metric in ('killed', 'injured', 'casualties')
      and not coalesce(c.is_partial, false) and not coalesce(c.is_projection, false)
),

combined as (
    select w.claim_id, k.claim_id as related_claim_id, i.claim_id as injured_claim_id,
           w.quantity_text as whole_text, k.quantity_text as killed_text, i.quantity_text as injured_text,
           k.low_eff + i.low_eff as parts_low, k.high_eff + i.high_eff as parts_high, w.low_eff, w.high_eff
    from bounded as w
    join bounded as k on k.metric = 'killed'
    join bounded as i on i.metric = 'injured' and i.doc_id = k.doc_id
    cross join params as p
    where w.metric = 'casualties'
      and (k.thing = w.thing or '*' in (k.thing, w.thing)) and (i.thing = w.thing or '*' in (i.thing, w.thing))
      and (k.actor is null or w.actor is null or k.actor = w.actor)
      and (i.actor is null or w.actor is null or i.actor = w.actor)
      and k.place is not distinct from w.place and i.place is not distinct from w.place
      and ((k.doc_id = w.doc_id and len(k.origins) + len(i.origins) + len(w.origins) = 0)
           or (len(list_intersect(k.origins, w.origins)) > 0 and len(list_intersect(i.origins, w.origins)) > 0
               and (k.doc_id = w.doc_id
                    or (k.place is not null and abs(date_diff('day', k.period_start, w.period_start)) <= p.window_days
                        -- one event: the same story (or a shared tag when neither names one), as pairs are
                        and ((k.story is not null and k.story = w.story)
                             or (k.story is null and w.story is null and len(list_intersect(k.tags, w.tags)) > 0))))))
),

checked as (
    select claim_id, related_claim_id, injured_claim_id, killed_text, injured_text, whole_text, parts_low, parts_high,
           parts_high >= low_eff and high_eff >= parts_low as adds_up
    from combined
),

final as (
    -- One row per whole and killed figure: it passes when any injured figure makes the parts add up.
    select claim_id, related_claim_id, claim_id as finding_key, 'warning' as severity,
           bool_or(adds_up) as passed,
           printf('"%s" + "%s" (%s) do not add up to "%s"', any_value(killed_text), any_value(injured_text),
                  bounds_text(any_value(parts_low),
                              case when isinf(any_value(parts_high)) then null else any_value(parts_high) end),
                  any_value(whole_text)) as detail
    from checked
    group by claim_id, related_claim_id
)

select * from final
