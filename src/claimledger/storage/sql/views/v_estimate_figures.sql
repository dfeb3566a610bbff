-- The figures an estimate is made of, one row per claim: checked claims that are neither projections
-- nor parts, with their article's story and date, their origins, their point estimate and how the
-- figure gives it (`basis`): stated, approximate, a closed range's low end, a vague word's conservative
-- value, or one side of an open bound ("up to 12" its ceiling, "more than 40" its floor: the count may
-- be lower or higher than the point). v_claim_estimates and v_group_estimates both read it.
select c.*, d.story, d.published_at, d.doc_id as document, coalesce(s.origins, []) as origins,
       coalesce(c.value_low, c.value_high) as point,
       date_trunc('month', c.period_start)::date as period_month,
       case when c.qualifier = 'vague' then 'vague'
            when c.value_low = c.value_high and c.is_approximate then 'approximate'
            when c.value_low = c.value_high then 'stated'
            when c.value_high is null then 'floor'
            when c.value_low is null then 'ceiling'
            else 'range' end as basis
from claims as c
join documents as d using (doc_id)
left join (select claim_id, list(distinct source_origin) as origins from claim_sources group by claim_id) as s
  using (claim_id)
where is_checked_claim(c.section, c.kind, c.assertion, c.event_scope, c.metric, c.thing)
  and not coalesce(c.is_projection, false) and not coalesce(c.is_partial, false)
