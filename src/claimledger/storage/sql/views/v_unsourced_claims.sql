-- Checked claims (counts of the article's own event, see v_claim_sourcing) that no source backs:
-- the writer's own figures, to be sourced or checked.
with sourcing as (select * from v_claim_sourcing),

final as (
    select s.claim_id, s.doc_id, d.title, d.outlet, d.published_at, d.source_path, s.section,
           s.sentence, s.quantity_text, s.value_low, s.value_high, s.qualifier, s.unit, s.metric, s.hedge
    from sourcing as s
    join documents as d using (doc_id)
    where s.n_sources = 0 and s.is_checked
)

select * from final
