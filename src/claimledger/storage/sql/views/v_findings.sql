-- One row per finding: the flags of one check that express one disagreement (same key, story and
-- origins) grouped, with the most severe level, every claim and document behind it, and the first
-- flag's detail as its headline. Reports and artifacts count these, not flags.
-- review_status: open, dismissed or confirmed (an analyst's latest verdict, `reviews`), or
-- needs_another_look when a flag joined the finding after the verdict (v_finding_reviews). Dismissed
-- findings do not count for --fail-on and are hidden from reports by default; they stay here.
with severities as (
    select *, severity_rank(severity) as severity_rank
    from claim_flags
),

claim_docs as (
    select claim_id, doc_id from claims
),

final as (
    select f.finding_id, f.check_name,
           severity_named(max(f.severity_rank)) as severity,
           count(*) as n_flags,
           list_sort(list_distinct(list(f.claim_id) || list(f.related_claim_id) filter (where f.related_claim_id is not null))) as claim_ids,
           list_sort(list_distinct(list(a.doc_id) || list(b.doc_id) filter (where b.doc_id is not null))) as doc_ids,
           arg_min(f.detail, f.flag_id) as detail,
           list_sort(list(f.flag_id)) as flag_ids
    from severities as f
    left join claim_docs as a on a.claim_id = f.claim_id
    left join claim_docs as b on b.claim_id = f.related_claim_id
    group by f.finding_id, f.check_name
),

reviewed as (
    select f.*, coalesce(r.review_status, 'open') as review_status, r.review_verdict, r.review_note, r.reviewer,
           r.reviewed_at
    from final as f
    left join v_finding_reviews as r using (finding_id)
)

select * from reviewed
order by case severity when 'error' then 1 when 'warning' then 2 else 3 end, check_name, finding_id
