-- One row per finding an analyst has reviewed (claimledger review), with the status the verdict gives it
-- now: the verdict while it still covers every flag of the finding, needs_another_look once a flag has
-- joined the finding since. Only reviewed findings are looked at, so reading a status costs what the
-- reviews cost, not what every finding costs; a finding with no row here is open (v_findings).
with latest_reviews as (
    select *
    from reviews
    qualify row_number() over (partition by finding_id order by reviewed_at desc, review_id desc) = 1
),

reviewed_flags as (
    select finding_id, list(flag_id) as flag_ids
    from claim_flags
    where finding_id in (select finding_id from latest_reviews)
    group by finding_id
),

final as (
    select r.finding_id,
           case when list_has_all(r.evidence, f.flag_ids) then r.verdict else 'needs_another_look' end
               as review_status,
           r.verdict as review_verdict, r.note as review_note, r.reviewer, r.reviewed_at
    from latest_reviews as r
    join reviewed_flags as f using (finding_id)
)

select * from final
