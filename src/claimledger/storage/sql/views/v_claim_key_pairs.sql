-- Every pair of body claims from different articles with the same key: metric, counted thing
-- (troops = soldiers; '*' for "casualties", "deaths": any count of people), actor (North Korean = DPRK; unknown
-- matches any) and place (Kursk region vs Russia are different
-- scopes; figures with no place only when their articles' main places agree), on the same story (or
-- sharing a tag when neither names one). `a` is the earlier article.
-- Tolerance: an approximate value stands for +/-10 %; vague values keep their policy bounds; open
-- bounds stay open (a NULL low is 0 for counts); strict bounds are read inclusively.
with params as (select 0.10 as approx_tolerance),

origins as (
    select claim_id, list(distinct source_origin order by source_origin) as origins,
           list(distinct origin_body) filter (where origin_body is not null) as bodies,
           -- each origin's words, worked out once per claim rather than once per pair
           list(distinct plain_words(source_origin)) as origin_words
    from claim_sources
    group by claim_id
),

place_counts as (
    select doc_id, place, count(*) as n, min(char_start) as first_at
    from claims where place is not null and not coalesce(is_site_place, false) group by doc_id, place
),

doc_places as (
    -- where an article's event happens: the place its claims name most often (on a tie, the one named
    -- first, so that runs agree), and every place it names (streets, buildings and institutions are
    -- sites inside that area, not the area)
    select doc_id, arg_max(place, (n, -first_at)) as doc_place, list(distinct place) as doc_place_list
    from place_counts group by doc_id
),

live_blogs as (
    -- articles made of time-stamped entries ("13:10 - PEMA has just published ..."): two or more
    -- paragraphs that open with a clock time
    select doc_id from documents
    -- ("Update 7:05 p.m." on a line of its own opens an entry too)
    where len(regexp_extract_all(body, '(?i)(?:^|\n)[ \t]*(?:update[ \t]+)?\d{1,2}[:.]\d{2}[ \t]*(?:[ap]\.?m\.?)?[ \t]*(?:[-–—:|]|\n)')) >= 2
),

bounded as (
    select c.claim_id, c.doc_id, c.metric, c.thing, c.actor, c.place, c.period_start, c.period_precision,
           c.value_low, c.value_high,
           c.is_projection, c.is_people, c.hedge, c.is_approximate, c.value_source,
           c.qualifier, c.sentence_idx, d.story, d.tags, d.published_at, coalesce(o.origins, []) as origins,
           coalesce(o.bodies, []) as bodies, coalesce(o.origin_words, []) as origin_words,
           -- the key pairs are joined on: the story, or each tag of an article with no story
           case when d.story is not null then ['story:' || d.story]
                else list_transform(coalesce(d.tags, []), lambda t: 'tag:' || t) end as pair_keys,
           dp.doc_place, coalesce(dp.doc_place_list, []) as doc_place_list, lb.doc_id is not null as is_live_blog,
           -- the sentence says a count moved ("raising the number killed to four", "rose to 23", "down
           -- from 14", "gave an updated figure: 19 dead", "eight remained unaccounted for")
           regexp_matches(lower(c.sentence), '\b(rose|rises|risen|rising|raised|raising|climbed|climbs|climbing|brought|bringing|'
                          || 'pushed|pushing|increased|increasing|jumped|swelled|grew|reached|revised)\b[^.;]{0,80}\bto\b'
                          || '|\b(down from|up from)\b'
                          || '|\bupdat(e|es|ed|ing)\s+(the|its|their)\s+(\w+\s+)?(toll|count|figure|tally)\b'
                          || '|\bupdated\s+(\w+\s+)?(toll|count|figure|tally|total)\b')
               as says_update,
           regexp_matches(lower(c.sentence), '\b(fell|dropped|remained|remain|remains|still)\b') as says_still,
           coalesce(c.value_low, 0) * (case when c.is_approximate and c.qualifier <> 'vague'
                                            then 1 - p.approx_tolerance else 1 end) as low_eff,
           coalesce(c.value_high, 'infinity'::double) * (case when c.is_approximate and c.qualifier <> 'vague'
                                                              then 1 + p.approx_tolerance else 1 end) as high_eff
    from claims as c
    join documents as d using (doc_id)
    left join origins as o using (claim_id)
    left join doc_places as dp on dp.doc_id = c.doc_id
    left join live_blogs as lb on lb.doc_id = c.doc_id
    cross join params as p
    where is_checked_claim(c.section, c.kind, c.assertion, c.event_scope, c.metric, c.thing)
      and d.published_at is not null and not coalesce(c.is_partial, false)
),

keyed as (
    -- one row per key a claim is paired on: its story, or each tag of an article with no story
    select *, unnest(pair_keys) as pair_key from bounded
),

paired as (
    select a.claim_id, b.claim_id as related_claim_id, a.doc_id, b.doc_id as related_doc_id,
           a.metric, a.thing, a.actor, b.actor as related_actor, a.place, coalesce(a.story, b.story) as story,
           a.period_start, b.period_start as related_period_start,
           a.period_precision, b.period_precision as related_period_precision,
           abs(date_diff('day', a.period_start, b.period_start)) as period_gap_days,
           a.published_at, b.published_at as related_published_at,
           a.qualifier, b.qualifier as related_qualifier,
           a.value_low, a.value_high, b.value_low as related_value_low, b.value_high as related_value_high,
           a.low_eff, a.high_eff, b.low_eff as related_low_eff, b.high_eff as related_high_eff,
           a.origins, b.origins as related_origins, a.says_update or a.says_still as says_rise,
           b.says_update or b.says_still as related_says_rise,
           shares_origin(a.origins, a.bodies, a.origin_words, b.origins, b.bodies, b.origin_words) as same_origin,
           a.high_eff >= b.low_eff and b.high_eff >= a.low_eff as intervals_overlap,
           -- weak evidence: a side with no source, a hedge, a vague figure, or one derived from others
           len(a.origins) = 0 or len(b.origins) = 0 or a.hedge is not null or b.hedge is not null
               or a.qualifier = 'vague' or b.qualifier = 'vague'
               or a.value_source = 'derived' or b.value_source = 'derived' as is_weak,
           -- pairs that express one disagreement (same key and story, same two sets of origins) share it
           md5(concat_ws('|', a.metric, coalesce(a.thing, ''), coalesce(a.actor, b.actor, ''),
                         coalesce(a.place, ''), coalesce(a.story, b.story, ''),
                         least(array_to_string(a.origins, ','), array_to_string(b.origins, ',')),
                         greatest(array_to_string(a.origins, ','), array_to_string(b.origins, ',')))) as finding_key
    from keyed as a
    join keyed as b
      -- an equality join on metric and story (or tag), so that the work follows the size of each story,
      -- not of the warehouse; two articles with no story that share several tags pair on the first
      on a.metric = b.metric and a.pair_key = b.pair_key
     and (a.story is not null or a.pair_key = 'tag:' || list_sort(list_intersect(a.tags, b.tags))[1])
     and (a.published_at, a.claim_id) < (b.published_at, b.claim_id)
    -- two origins quoted in one article are compared too ("the mayor says 41 dead; the Red Cross, 20 to
    -- 25"), but only when both are named, neither sentence tells of the count moving ("up from 14",
    -- "has risen to 7"), and the article is not a live blog, whose entries are hours apart
    where (a.doc_id <> b.doc_id
          or (len(a.origins) > 0 and len(b.origins) > 0 and not (a.says_update or b.says_update)
              and (not a.is_live_blog or a.sentence_idx = b.sentence_idx)))
     and (a.thing = b.thing or (a.thing = '*' and coalesce(b.is_people, false))
          or (b.thing = '*' and coalesce(a.is_people, false)))
     and (a.actor is null or b.actor is null or a.actor = b.actor)
     and a.place is not distinct from b.place
     -- figures that name no place are compared only when their articles' events are not in different
     -- places: the main places agree, or one article names the other's main place
     and (a.place is not null or a.doc_place is null or b.doc_place is null or a.doc_place = b.doc_place
          or list_contains(b.doc_place_list, a.doc_place) or list_contains(a.doc_place_list, b.doc_place))
     and coalesce(a.is_projection, false) = coalesce(b.is_projection, false)
),

final as (select * from paired)

select * from final
