-- Per sourced body claim: is every source a party to the conflict (interested_party_only), and is a
-- figure that several articles repeat backed by one origin only (single_source)? Ten outlets
-- repeating one briefing count as one origin.
with params as (select 7 as window_days),

per_claim as (
    select claim_id, bool_and(coalesce(is_party, false)) as all_party,
           list(distinct source_origin) as origins
    from claim_sources
    group by claim_id
),

same_figure as (
    -- the claim itself and every comparable claim elsewhere whose interval overlaps it
    select k.claim_id, k.related_claim_id as other_id, k.related_doc_id as other_doc, k.related_origins as other_origins
    from v_claim_key_pairs as k cross join params as p
    where k.intervals_overlap and k.period_gap_days <= p.window_days
    union all
    select k.related_claim_id, k.claim_id, k.doc_id, k.origins
    from v_claim_key_pairs as k cross join params as p
    where k.intervals_overlap and k.period_gap_days <= p.window_days
),

groups as (
    select pc.claim_id, pc.all_party, pc.origins,
           count(distinct sf.other_doc) as n_other_documents,
           list_distinct(flatten(list(coalesce(sf.other_origins, [])))) as other_origins
    from per_claim as pc
    join claims as c using (claim_id)
    left join same_figure as sf using (claim_id)
    where is_checked_claim(c.section, c.kind, c.assertion, c.event_scope, c.metric, c.thing)
    group by all
),

final as (
    select claim_id, all_party, n_other_documents,
           len(list_distinct(list_concat(origins, other_origins))) as n_origins,
           not all_party as party_passed,
           not (n_other_documents >= 1
                and len(list_distinct(list_concat(origins, other_origins))) = 1) as single_passed,
           printf('every source is a party to the conflict: %s', array_to_string(origins, ', ')) as party_detail,
           printf('repeated in %s other article(s), all from one origin: %s', n_other_documents::varchar,
                  array_to_string(origins, ', ')) as single_detail
    from groups
)

select * from final
