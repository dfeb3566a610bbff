-- claimledger's public SQL API. Names here are a contract: add tables and columns, never rename.
create table if not exists documents (
    doc_id          varchar primary key,   -- stable per source file (and JSONL id)
    external_id     varchar not null,      -- the JSONL `id`, or the file name
    source_path     varchar not null,
    title           varchar,
    subtitle        varchar,
    body            varchar not null,      -- the input text exactly (only \r\n -> \n)
    tags            varchar[],
    story           varchar,               -- key grouping articles on one story
    outlet          varchar,
    url             varchar,
    published_at    timestamp,
    ingested_at     timestamp not null,
    run_id          varchar not null,      -- run that stored this version
    content_sha256  varchar not null       -- detects edits between runs
);

create table if not exists claims (
    claim_id        varchar primary key,
    doc_id          varchar not null,
    section         varchar not null,      -- title | subtitle | body
    sentence_idx    integer not null,      -- sentence number within the section
    sentence        varchar not null,
    char_start      integer not null,      -- end-exclusive offsets into the section's text
    char_end        integer not null,
    quantity_text   varchar not null,      -- exactly section_text[char_start:char_end]
    value_low       double,                -- NULL: no lower bound ("up to 12,000")
    value_high      double,                -- NULL: no upper bound ("over 10,000")
    qualifier       varchar not null,      -- exact | more_than | at_least | at_most | less_than | range | approximate | vague
    is_approximate  boolean not null,
    unit            varchar,               -- counted noun, singular; 'percent' or a currency code
    subject         varchar,               -- the counted phrase ("North Korean soldiers")
    metric          varchar not null,      -- deployed | killed | injured | casualties | captured | missing | displaced | arrested | other
    location        varchar,
    as_of           date,                  -- date in the claim's sentence, resolved against published_at
    as_of_precision varchar,               -- day | week | month | year
    hedge           varchar,               -- hedge cue in the sentence ("reportedly")
    value_source    varchar not null,      -- text | vague_policy | derived ("five shot, one fatally": injured 4)
    policy_version  integer,               -- vague-quantity policy version when value_source = vague_policy
    run_id          varchar not null
);

create table if not exists claim_sources (
    claim_id         varchar not null,
    source_text      varchar not null,     -- as written ("Seoul's intelligence")
    source_canonical varchar not null,     -- from the alias table ("National Intelligence Service (South Korea)")
    cue              varchar not null,     -- reporting verb or phrase ("confirmed", "according to")
    scope            varchar not null      -- sentence | quote | previous_sentence | next_sentence | list_lead_in | live_entry (an earlier sentence of the same live-blog entry) | pronoun | body (headline figure backed by the body) | issuer (a press release's own figure) | restated ("all six of the dead": the sources of an earlier figure of the whole group)
);

create table if not exists document_dates (
    doc_id        varchar not null,
    section       varchar not null,
    sentence_idx  integer not null,
    char_start    integer not null,
    char_end      integer not null,
    date_text     varchar not null,
    resolved      date,                    -- NULL when the publication date is needed and unknown
    precision     varchar not null         -- day | week | month | year | decade
);

create table if not exists claim_flags (
    flag_id          varchar primary key,  -- stable: check, claim and related claim
    claim_id         varchar not null,
    check_name       varchar not null,     -- unsourced | contradiction | ...
    severity         varchar not null,     -- error | warning | info
    detail           varchar not null,
    related_claim_id varchar,
    run_id           varchar not null      -- run that first raised the flag
);

-- An analyst's verdict on a finding (claimledger review), kept across runs: append-only, the latest
-- per finding counts. `evidence` is the finding's flag ids when it was reviewed: when another flag
-- joins the finding, the verdict no longer covers it and the finding asks for another look.
create table if not exists reviews (
    review_id   varchar primary key,
    finding_id  varchar not null,
    verdict     varchar not null,          -- dismissed | confirmed
    note        varchar,
    reviewer    varchar not null,
    reviewed_at timestamp not null,
    evidence    varchar[] not null
);

create table if not exists runs (
    run_id          varchar primary key,
    flow_run_id     varchar,
    started_at      timestamp not null,
    finished_at     timestamp,
    status          varchar not null,
    n_documents     integer,               -- documents read this run
    n_new_documents integer,               -- new or edited documents stored this run
    n_failed        integer,               -- files or lines that could not be read
    n_claims        integer,               -- claims in the warehouse after the run
    n_flags         integer                -- flags in the warehouse after the run
);

create table if not exists ingest_errors (
    run_id       varchar not null,
    source_path  varchar not null,
    line         integer,
    reason       varchar not null
);

create table if not exists validation_results (
    run_id           varchar not null,
    suite            varchar not null,
    expectation      varchar not null,
    column_name      varchar,
    success          boolean not null,
    element_count    bigint,
    unexpected_count bigint,
    details          varchar
);

-- Columns added after the first release: claim keys (what a figure is about, and when) and the
-- origin and stance of each source. ALTER ... IF NOT EXISTS upgrades warehouses made before them.
alter table claims add column if not exists thing varchar;            -- canonical counted thing ("soldier" for troops)
alter table claims add column if not exists actor varchar;            -- whose ("North Korea" for "DPRK troops")
alter table claims add column if not exists place varchar;            -- canonical place ("Kursk region")
alter table claims add column if not exists place_parent varchar;     -- the place containing it ("Russia")
alter table claims add column if not exists period_start date;        -- as_of, else the publication date
alter table claims add column if not exists period_precision varchar; -- day | week | month | year | published
alter table claims add column if not exists is_projection boolean;     -- a plan or forecast ("will send 12,000")
alter table claims add column if not exists is_partial boolean;        -- a part of a group ("seven of the men", "two other")
alter table claims add column if not exists is_people boolean;         -- counts people
alter table runs add column if not exists extractor_fingerprint varchar;  -- hash of the vocabularies that made the claims
alter table runs add column if not exists checks_fingerprint varchar;  -- hash of the suites and SQL that judged the data
alter table runs add column if not exists findings_summary varchar;  -- the run's warehouse-wide finding counts
                                                                  -- (JSON), carried over by a run that changes nothing
alter table claim_sources add column if not exists source_origin varchar;  -- the party a source speaks for
alter table claim_sources add column if not exists is_party boolean;       -- a party to the conflict

-- Added for precision (what a number is, whether it is asserted, which event it is about, and one
-- finding per disagreement).
alter table claims add column if not exists kind varchar;             -- count | money | percent | measure | other
alter table claims add column if not exists assertion varchar;        -- asserted | denied | corrected | rumoured
alter table claims add column if not exists event_scope varchar;      -- main | other_event | other_period | personal
alter table claim_flags add column if not exists finding_id varchar;  -- flags that express one disagreement share it
alter table claims add column if not exists is_list_item boolean;     -- an item of a list spelling out a group named
                                                                      -- before it ("the wounded: two girls and a man")
alter table claims add column if not exists is_site_place boolean;    -- place is a street, building or institution,
                                                                      -- not the area of an article's event
alter table documents add column if not exists date_source varchar;  -- where published_at came from: metadata |
                                                                      -- text (a stamp or dateline) | default (--default-date)
alter table claim_sources add column if not exists origin_body varchar; -- the origin as a body's name in plain
                                                                      -- lower-case words ("coast guard"); null for a person

-- Numbers that are not claims, and why: ages, dates and times, phone numbers, addresses, ids,
-- ordinals, ratios, scores and page furniture ("Image 3 of 12").
create table if not exists numbers_set_aside (
    doc_id        varchar not null,
    section       varchar not null,
    sentence_idx  integer not null,
    char_start    integer not null,      -- end-exclusive offsets into the section's text
    char_end      integer not null,
    number_text   varchar not null,
    kind          varchar not null       -- furniture | address | age | date_time | ordinal | identifier | phone | ratio | score | reference | sample
);

-- A claim the cross-article checks are about: a count, asserted by the article, about its own
-- event, in the body, with a metric and a counted thing.
create or replace macro is_checked_claim(section, kind, assertion, event_scope, metric, thing) as
    section = 'body' and coalesce(kind, 'count') = 'count' and coalesce(assertion, 'asserted') = 'asserted'
    and coalesce(event_scope, 'main') = 'main' and metric <> 'other' and thing is not null;
-- A claim the unsourced checks are about: the same, whatever event or period it is about (a past
-- toll stated without a source is still unsourced; only the comparisons keep to the main event), or
-- a count of people with no metric yet ("thousands more troops are preparing to join them"). Not
-- looked at, because the flag would say
-- nothing an analyst can act on:
-- - an item of a list that spells out a group ("the wounded, two girls and a man"), or a definite
--   part ("the two other victims"): the group it belongs to carries the source or the flag;
-- - someone's own family ("her three children", event_scope 'personal'): not a count about the event;
-- - a small vague word ("several", "a few") and a lone indefinite article ("a man was killed", "a
--   52-year-old woman was hurt", where the article alone is the figure): no size to source;
-- - "one of the victims" picks one person out of a group counted elsewhere, and "one" with a thing
--   nothing happened to ("one report", "one big obstacle") counts nothing.
create or replace macro is_sourcing_checked(section, kind, assertion, event_scope, metric, thing, is_people,
                                            is_list_item, is_partial, quantity_text, value_source, value_high) as
    is_checked_claim(section, kind, assertion, 'main', 'counted', thing)
    and coalesce(event_scope, 'main') <> 'personal'
    and (metric <> 'other' or coalesce(is_people, false)) and not coalesce(is_list_item, false)
    and not (coalesce(is_partial, false) and lower(quantity_text) like 'the %')
    and not regexp_matches(lower(quantity_text), '^one of (the|his|her|their|its|them|those|these|our|my)\b')
    and not coalesce(value_high = 1 and regexp_matches(lower(quantity_text), '^one\b') and not coalesce(is_people, false)
                     and metric not in ('killed', 'injured', 'casualties', 'captured', 'arrested'), false)
    and not coalesce(value_source = 'vague_policy' and value_high < 10, false)
    and value_source <> 'derived'  -- the count it is derived from carries the source or the flag
    and not coalesce(value_high = 1 and regexp_matches(lower(quantity_text), '^an?( [a-z]|$)'), false);

-- "10,000", "10,000..", "..12,000" or "10,000..12,000": how the views write a claim's bounds.
-- Whether two claims' origins include one: the same origin, or a body's name of one side inside an origin
-- of the other as whole words ("coast guard" in "Taveri Coast Guard spokesman Lino Barrosa", "ministry" in
-- "Interior Ministry"): an article's short name for a body it named in full.
create or replace macro plain_words(name) as ' ' || trim(regexp_replace(lower(name), '[^a-z0-9'']+', ' ', 'g')) || ' ';
-- `words` are the names' plain_words, worked out once per claim (pairs are many more than claims).
create or replace macro body_named_in(bodies, words) as
    len(list_filter(bodies, lambda b: len(list_filter(words, lambda w: contains(w, ' ' || b || ' '))) > 0)) > 0;
create or replace macro shares_origin(origins, bodies, words, other_origins, other_bodies, other_words) as
    len(list_intersect(origins, other_origins)) > 0
    or body_named_in(bodies, other_words) or body_named_in(other_bodies, words);
-- The origins of a group of figures as text, from their lists of origins: "Kyiv; NIS".
create or replace macro origins_text(origin_lists) as
    array_to_string(list_sort(list_distinct(flatten(origin_lists))), '; ');
-- How good a basis a figure gives a best estimate: a stated figure wins over an open bound at one point.
create or replace macro basis_rank(basis) as
    case basis when 'stated' then 0 when 'approximate' then 1 when 'range' then 2
               when 'vague' then 3 when 'ceiling' then 4 else 5 end;
create or replace macro bounds_text(low, high) as
    case when low is not null and low = high then format('{:,.0f}', low)
         else coalesce(format('{:,.0f}', low), '') || '..' || coalesce(format('{:,.0f}', high), '') end;

-- Severities in order, so that a finding takes its flags' worst: severity_named(max(severity_rank(severity))).
create or replace macro severity_rank(severity) as case severity when 'error' then 3 when 'warning' then 2 else 1 end;
create or replace macro severity_named(rank) as case rank when 3 then 'error' when 2 then 'warning' else 'info' end;

-- Article files whose every article a run found stored and current, by size and modification time:
-- a later run that finds a file as it was counts its articles without reading them (an unchanged
-- 100,000-article archive was mostly reading and hashing). `reading_key` holds what else decides the
-- stored articles (the extractor fingerprint, --default-date, the article size limit): under another,
-- the file is read again.
create table if not exists source_files (
    resolved_path varchar primary key,   -- the file's resolved path (document ids start from it)
    size_bytes    bigint not null,
    mtime_ns      bigint not null,
    reading_key   varchar not null,
    n_articles    integer not null       -- the articles it holds, counted in a run's documents read
);
