-- Current findings with the evidence an analyst needs: one row per finding (its first flag stands
-- for it), with the claim, its key, its value, its sources, its document and how many flags
-- (claim pairs) the finding groups, and its review status (v_finding_reviews; open when it has none).
-- Dismissed findings are left out unless the query's parameter is true.
with flags as (
    select *, count(*) over (partition by finding_id) as n_flags
    from claim_flags
    qualify row_number() over (partition by finding_id order by flag_id) = 1
),

final as (
    select f.severity, f.check_name, c.quantity_text,
           c.value_low, c.value_high, c.qualifier, c.metric, c.unit, c.thing, c.actor, c.place,
           coalesce(s.sources, '') as sources,
           d.title, d.outlet, d.published_at, d.source_path, c.sentence,
           f.detail, f.claim_id, f.related_claim_id, f.flag_id, f.finding_id, f.n_flags,
           coalesce(r.review_status, 'open') as review_status, r.review_note, r.reviewer
    from flags as f
    left join v_finding_reviews as r using (finding_id)
    join claims as c using (claim_id)
    join documents as d on d.doc_id = c.doc_id
    left join v_claim_sourcing as s on s.claim_id = f.claim_id
)

select * from final
-- the one parameter: whether findings an analyst dismissed (claimledger review) are listed too
where review_status <> 'dismissed' or ?
order by thing nulls last, actor nulls last, metric, place nulls last,
         case severity when 'error' then 0 when 'warning' then 1 else 2 end, check_name, published_at
