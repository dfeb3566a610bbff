-- The warehouse-wide counts the last completed run kept, while they still describe the warehouse: a
-- run that changes nothing takes them over instead of counting every finding again. None when that run
-- kept none (made by an earlier version) or an analyst has reviewed a finding since it ended.
with last_run as (
    select findings_summary, finished_at
    from runs
    where status = 'completed'
    order by finished_at desc
    limit 1
)

select findings_summary
from last_run
where findings_summary is not null
  and not exists (select 1 from reviews where reviewed_at >= last_run.finished_at)
