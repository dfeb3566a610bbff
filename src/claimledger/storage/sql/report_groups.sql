-- The HTML report's index: one row per story and counted group that has a checked figure or an open
-- finding, with how many open findings of each severity (report_findings, made by
-- create_report_findings.sql) and how many checked figures it holds. The report orders stories and
-- groups by these counts and then reads the rows of the groups it shows, not of every group.
with findings as (
    select group_id,
           count(*) filter (where severity = 'error') as n_errors,
           count(*) filter (where severity = 'warning') as n_warnings,
           count(*) filter (where severity not in ('error', 'warning')) as n_infos
    from report_findings
    group by group_id
),

groups as (
    select story, group_id, any_value(group_thing) as group_thing, any_value(group_actor) as group_actor,
           any_value(metric) as metric, any_value(place) as place, sum(n_checked_claims) as n_figures
    from v_claim_groups
    group by story, group_id
),

final as (
    select g.*, coalesce(f.n_errors, 0) as n_errors, coalesce(f.n_warnings, 0) as n_warnings,
           coalesce(f.n_infos, 0) as n_infos
    from groups as g
    left join findings as f using (group_id)
)

select * from final
where n_figures > 0 or n_errors + n_warnings + n_infos > 0
order by story nulls last, group_id
