-- Every claim beside the slice of its section that its offsets point at; the claims suite
-- asserts that the slice equals quantity_text and lies inside the text.
with joined as (
    select c.*,
           case c.section when 'title' then d.title when 'subtitle' then d.subtitle else d.body end as section_text
    from claims as c
    join documents as d using (doc_id)
),

final as (
    select * exclude (section_text),
           length(section_text) as section_length,
           substring(section_text, char_start + 1, char_end - char_start) as span_text
    from joined
)

select * from final
