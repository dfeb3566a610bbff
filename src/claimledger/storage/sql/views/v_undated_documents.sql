-- Articles with no publication date: not in the file, not in their text, and no --default-date for
-- the run. Their claims are stored and checked for sources, but never compared with other articles'
-- (a toll is only comparable with one of its own time).
with final as (
    select d.doc_id, d.source_path, d.external_id,
           -- how to point at it: the file, and a JSON Lines article's id after '#'
           case when d.source_path like '%' || d.external_id then d.source_path
                else d.source_path || '#' || d.external_id end as document,
           d.title, d.outlet, d.url,
           (select count(*) from claims as c where c.doc_id = d.doc_id) as n_claims
    from documents as d
    where d.published_at is null
)

select * from final
