-- Per story and stored claim key (thing, actor, metric, place): the counted group the report shows it
-- under, so that one group of people is one heading in its story. A key that leaves something open
-- ('*' for "casualties", no actor named) joins the one more specific key of the same story that the
-- checks' key rule matches (v_claim_key_pairs: '*' matches any count of people, an unknown actor any
-- actor; metric, place and projection always agree; articles with no story only when they share a tag).
-- The rule is read on the distinct keys of each story, not on claim pairs: a story holds a few dozen
-- keys but thousands of pairs, and the pair join is what made the report slow. A key with two or more
-- most specific partners ("soldiers" beside both Russian and North Korean soldiers) stays its own
-- group, since choosing one would be a guess. `story` is NULL for articles that name no story.
with stored_keys as (
    select d.story, c.thing, c.actor, c.metric, c.place, count(*) as n_claims,
           -- the figures v_claim_timeline draws
           count(*) filter (where is_checked_claim(c.section, c.kind, c.assertion, c.event_scope, c.metric, c.thing))
               as n_checked_claims
    from claims as c
    join documents as d using (doc_id)
    group by all
),

checked as (
    -- the figures the checks compare (as v_claim_key_pairs' `bounded`)
    select d.story, d.tags, c.thing, c.actor, c.metric, c.place,
           coalesce(c.is_projection, false) as is_projection, coalesce(c.is_people, false) as is_people
    from claims as c
    join documents as d using (doc_id)
    where is_checked_claim(c.section, c.kind, c.assertion, c.event_scope, c.metric, c.thing)
      and d.published_at is not null and not coalesce(c.is_partial, false)
),

tagged as (
    -- an article that names no story is compared within each of its tags
    select thing, actor, metric, place, is_projection, is_people, unnest(tags) as tag
    from checked
    where story is null
),

comparable as (
    -- their distinct keys with their scope: the story, or a tag (two branches rather than one lateral
    -- unnest per article, which cost ten times as much)
    select distinct story, null::varchar as tag, thing, actor, metric, place, is_projection, is_people
    from checked where story is not null
    union all
    select distinct null::varchar, tag, thing, actor, metric, place, is_projection, is_people
    from tagged
),

paired as (
    -- both directions of every pair of keys the checks' key rule matches within one scope
    select distinct a.story, a.thing, a.actor, a.metric, a.place, b.thing as other_thing, b.actor as other_actor
    from comparable as a
    join comparable as b
      on a.story is not distinct from b.story and a.tag is not distinct from b.tag
     and a.metric = b.metric and a.place is not distinct from b.place and a.is_projection = b.is_projection
     and (a.thing = b.thing or (a.thing = '*' and b.is_people) or (b.thing = '*' and a.is_people))
     and (a.actor is null or b.actor is null or a.actor = b.actor)
     and not (a.thing = b.thing and a.actor is not distinct from b.actor)
),

more_specific as (
    -- the partners that say more: a named thing where the key has '*', a named actor where it has none
    select * from paired
    where (thing = other_thing or thing = '*') and (actor is null or actor = other_actor)
),

most_specific as (
    -- the partners no other partner of the same key is more specific than
    select m.* from more_specific as m
    where not exists (
        select 1 from more_specific as n
        where n.story is not distinct from m.story and n.thing = m.thing and n.actor is not distinct from m.actor
          and n.metric = m.metric and n.place is not distinct from m.place
          and (m.other_thing = n.other_thing or m.other_thing = '*')
          and (m.other_actor is null or m.other_actor = n.other_actor)
          and not (m.other_thing = n.other_thing and m.other_actor is not distinct from n.other_actor))
),

one_step as (
    select story, thing, actor, metric, place, any_value(other_thing) as to_thing,
           any_value(other_actor) as to_actor
    from most_specific
    group by all
    having count(*) = 1
),

resolved as (
    -- at most two steps: ('*', no actor) -> ('*', actor) -> (thing, actor)
    select k.story, k.thing, k.actor, k.metric, k.place, k.n_claims, k.n_checked_claims,
           coalesce(s2.to_thing, s1.to_thing, k.thing) as group_thing,
           case when s2.to_thing is not null then s2.to_actor
                when s1.to_thing is not null then s1.to_actor
                else k.actor end as group_actor
    from stored_keys as k
    left join one_step as s1
      on s1.story is not distinct from k.story and s1.thing is not distinct from k.thing
     and s1.actor is not distinct from k.actor and s1.metric is not distinct from k.metric
     and s1.place is not distinct from k.place
    left join one_step as s2
      on s2.story is not distinct from k.story and s2.thing = s1.to_thing and s2.actor is not distinct from s1.to_actor
     and s2.metric is not distinct from k.metric and s2.place is not distinct from k.place
),

final as (
    select story, thing, actor, metric, place, n_claims, n_checked_claims, group_thing, group_actor,
           -- the story is part of the id: the same key on two stories is two groups, two report sections
           left(md5(concat_ws('|', case when story is null then '-' else 's:' || story end,
                              coalesce(group_thing, ''), coalesce(group_actor, ''), coalesce(metric, ''),
                              coalesce(place, ''))), 12) as group_id
    from resolved
)

select * from final
order by story nulls last, group_id, thing, actor
