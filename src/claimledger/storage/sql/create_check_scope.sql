-- Within a check scope, the tables every checked view reads hold only the scope's documents:
-- temporary views named like them shadow them on this connection alone (DuckDB looks in `temp`
-- first), so the views compute over those documents and nothing else, and no other reader sees a
-- difference. {catalog} is the warehouse's own catalog (`temp` has a `main` schema of its own).
-- Reads: check_scope_docs(doc_id), a temporary table the caller fills.
create or replace temp view documents as
    select * from {catalog}.main.documents where doc_id in (select doc_id from temp.check_scope_docs);
create or replace temp view claims as
    select * from {catalog}.main.claims where doc_id in (select doc_id from temp.check_scope_docs);
create or replace temp view claim_sources as
    select * from {catalog}.main.claim_sources where claim_id in (select claim_id from temp.claims);
