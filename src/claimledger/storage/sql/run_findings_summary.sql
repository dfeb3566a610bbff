-- A run's warehouse-wide finding counts in one pass over the flags: findings per check, worst severity
-- and review status (v_finding_reviews; open when none). The summary, --fail-on and the runs row read these.
with findings as (
    select finding_id, check_name,
           severity_named(max(severity_rank(severity))) as severity
    from claim_flags
    group by finding_id, check_name
)

select f.check_name, f.severity, coalesce(r.review_status, 'open') as review_status, count(*) as n
from findings as f
left join v_finding_reviews as r using (finding_id)
group by all
order by all
