-- Per story and counted group (v_claim_groups), each origin's figures over time: the rows of
-- v_claim_timeline with the story of their article and the group their key falls in, so that an
-- analyst can read every figure behind a report section (`where group_id = ...`), not only those drawn.
with final as (
    select d.story, g.group_id, g.group_thing, g.group_actor, t.*,
           coalesce(c.is_projection, false) as is_projection, coalesce(c.is_partial, false) as is_partial
    from v_claim_timeline as t
    join claims as c using (claim_id)
    join documents as d on d.doc_id = t.doc_id
    join v_claim_groups as g
      on g.story is not distinct from d.story and g.thing is not distinct from t.thing
     and g.actor is not distinct from t.actor and g.metric is not distinct from t.metric
     and g.place is not distinct from t.place
)

select * from final
order by story nulls last, group_id, origin, published_at
