-- A number in the title or subtitle that no body claim of the same article supports: no body
-- figure of any metric overlaps it (+/-10 % for approximate values). Headlines reword what they
-- count ("3 dead" for "a third man died"), so only a figure the body never gives is a finding. A
-- single person named with an article ("a third man was wounded") is no figure to support: the body
-- says "another man" or names him.
with params as (select 0.10 as approx_tolerance),

bounded as (
    select c.claim_id, c.doc_id, c.section, c.metric, c.thing, c.quantity_text, c.kind, c.assertion, c.value_source,
           coalesce(c.value_low, 0) * (case when c.is_approximate then 1 - p.approx_tolerance else 1 end) as low_eff,
           coalesce(c.value_high, 'infinity'::double) * (case when c.is_approximate
                                                              then 1 + p.approx_tolerance else 1 end) as high_eff
    from claims as c cross join params as p
),

final as (
    select h.claim_id, 'warning' as severity,
           exists (
               select 1 from bounded as b
               where b.doc_id = h.doc_id and b.section = 'body'
                 and b.high_eff >= h.low_eff and h.high_eff >= b.low_eff
           ) as passed,
           printf('%s figure "%s" is not supported by any claim in the body', h.section, h.quantity_text) as detail
    from bounded as h
    where h.section in ('title', 'subtitle') and h.kind = 'count' and h.assertion = 'asserted' and h.thing is not null
      and h.value_source <> 'derived'
      and not (h.high_eff = 1 and regexp_matches(lower(h.quantity_text), '^(an?|one)\s'))
)

select * from final
