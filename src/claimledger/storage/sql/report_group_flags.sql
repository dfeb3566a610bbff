-- The open findings the HTML report lists for the groups it shows (the first parameter, a list of group
-- ids), at most the second parameter per group (as many as a section lists), with the evidence an
-- analyst needs: the claim's words and value, its sources, its document. The index (report_groups.sql)
-- counts the rest, and the page says how many more v_findings holds.
with shown as (
    select *,
           row_number() over (partition by group_id
                              order by case severity when 'error' then 0 when 'warning' then 1 else 2 end,
                                       check_name, published_at nulls last, finding_id) as rank_in_group
    from report_findings
    where list_contains(?, group_id)
    qualify rank_in_group <= ?
),

final as (
    select f.story, f.group_id, f.severity, f.check_name, c.quantity_text, c.value_low, c.value_high, c.qualifier,
           c.metric, c.unit, c.thing, c.actor, c.place, coalesce(s.sources, '') as sources, d.title, d.outlet,
           d.published_at, d.source_path, c.sentence, f.detail, f.claim_id, f.related_claim_id, f.flag_id,
           f.finding_id, f.n_flags, f.review_status, f.review_note, f.reviewer, f.rank_in_group
    from shown as f
    join claims as c using (claim_id)
    join documents as d on d.doc_id = c.doc_id
    left join v_claim_sourcing as s on s.claim_id = f.claim_id
)

select * from final
order by group_id, rank_in_group
