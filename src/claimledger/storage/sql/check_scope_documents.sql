-- The documents a run's checks look at again: those it stored, and every document of the stories
-- they belong to now or belonged to before the run (for an article with no story, every storyless
-- article sharing one of its tags). Findings only pair claims of one story (or shared tag), so the
-- rest of the warehouse would give the same flags as before.
-- Reads: scope_stored(doc_id), scope_keys(story, tags), registered by the caller.
select d.doc_id, d.story
from documents as d
where d.doc_id in (select doc_id from scope_stored)
   or d.story in (select story from scope_keys where story is not null)
   or (d.story is null
       and exists (select 1 from scope_keys as k
                   where k.story is null and len(list_intersect(d.tags, k.tags)) > 0))
