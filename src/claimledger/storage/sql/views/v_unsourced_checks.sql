-- Per checked claim: does it have a source? The unsourced_claims suite asserts `passed`. Numbers
-- that are not counts of the article's own event (money, measures, denied or past figures) are
-- not looked at.
with final as (
    select claim_id, 'warning' as severity, n_sources > 0 as passed
    from v_claim_sourcing
    where is_checked
)

select * from final
