-- A later figure from the same origin repeats an earlier figure's bound without its qualifier
-- ("up to 12,000" becomes "12,000"). One row per same-origin pair whose earlier claim is qualified.
with pairs as (
    select * from v_claim_key_pairs
    where same_origin and qualifier <> 'exact'
),

final as (
    select related_claim_id as claim_id, claim_id as related_claim_id, finding_key, 'warning' as severity,
           not coalesce(related_qualifier = 'exact'
                        and related_value_low in (value_low, value_high), false) as passed,
           printf('%s: "%s" figure %s (%s) repeated as an exact %s (%s)', thing, qualifier,
                  bounds_text(value_low, value_high), strftime(published_at, '%Y-%m-%d'),
                  bounds_text(related_value_low, related_value_high), strftime(related_published_at, '%Y-%m-%d')) as detail
    from pairs
)

select * from final
