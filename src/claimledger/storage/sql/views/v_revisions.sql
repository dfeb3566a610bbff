-- The same origin gives a different figure for the same key in a later article: a revision (info);
-- a cumulative total (killed, casualties, ...) that falls is a warning. One row per same-origin pair;
-- `passed` is false for a revision.
-- A later article quoting an earlier period's figure is not a revision: periods must not go back.
with pairs as (select * from v_claim_key_pairs where same_origin and related_period_start >= period_start),

final as (
    select claim_id as related_claim_id, related_claim_id as claim_id, finding_key,
           intervals_overlap as passed,
           case when metric in ('killed', 'injured', 'casualties', 'captured', 'missing', 'displaced', 'arrested')
                     and related_high_eff < low_eff then 'warning' else 'info' end as severity,
           printf('%s revised %s %s%s from %s (%s) to %s (%s)%s',
                  array_to_string(list_intersect(origins, related_origins), ', '), metric,
                  coalesce(actor || ' ', ''), thing,
                  bounds_text(value_low, value_high),
                  strftime(published_at, '%Y-%m-%d'),
                  bounds_text(related_value_low, related_value_high),
                  strftime(related_published_at, '%Y-%m-%d'),
                  case when related_high_eff < low_eff
                        and metric in ('killed', 'injured', 'casualties', 'captured', 'missing', 'displaced', 'arrested')
                       then '; a cumulative total fell' else '' end) as detail
    from pairs
)

select * from final
