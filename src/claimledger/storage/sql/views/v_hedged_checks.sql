-- A claim hedged ("reportedly", "believed to") with no source at all.
with final as (
    select claim_id, 'warning' as severity,
           not (n_sources = 0 and hedge is not null) as passed,
           printf('"%s" is hedged (%s) and has no source', quantity_text, hedge) as detail
    from v_claim_sourcing
    where is_checked
)

select * from final
