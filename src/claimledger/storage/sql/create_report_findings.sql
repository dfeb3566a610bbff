-- The HTML report's open findings, made once per report as a temporary table (a read-only connection
-- may create one) so that the page's index and its sections read one pass over the findings: one row
-- per finding that is not dismissed, with its worst severity and its first flag (which stands for it,
-- as in report_flags.sql), the story of that flag's article and the counted group (v_claim_groups) its
-- key falls in. The claims' words, documents and sources, and the order findings are read in, are made
-- for the findings the page shows only (report_group_flags.sql).
create or replace temp table report_findings as
with findings as (
    select finding_id, check_name, min(flag_id) as flag_id, count(*) as n_flags,
           severity_named(max(severity_rank(severity))) as severity
    from claim_flags
    group by finding_id, check_name
),

reviewed as (
    -- only a finding an analyst reviewed is other than open (v_finding_reviews)
    select finding_id, review_status, review_note, reviewer
    from v_finding_reviews
),

final as (
    select d.story, g.group_id, f.severity, f.check_name, f.finding_id, f.flag_id, f.n_flags, s.claim_id,
           s.related_claim_id, s.detail, coalesce(r.review_status, 'open') as review_status, r.review_note,
           r.reviewer, d.published_at
    from findings as f
    join claim_flags as s using (flag_id)
    join claims as c on c.claim_id = s.claim_id
    join documents as d on d.doc_id = c.doc_id
    join v_claim_groups as g
      on g.story is not distinct from d.story and g.thing is not distinct from c.thing
     and g.actor is not distinct from c.actor and g.metric is not distinct from c.metric
     and g.place is not distinct from c.place
    left join reviewed as r on r.finding_id = f.finding_id
    where coalesce(r.review_status, 'open') <> 'dismissed'
)

select * from final
