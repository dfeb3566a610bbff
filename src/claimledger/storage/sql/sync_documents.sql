-- Bring the documents of this generation file (main) and every row derived from them to what the live
-- warehouse (attached as `live`) holds. A document whose stored version (doc_id, run_id, content hash)
-- differs, or that only one side holds, has all its rows replaced; the others are not touched, so the
-- rows written are the last run's changes, not the warehouse.
create or replace temp table sync_docs as
    select doc_id from (select doc_id, run_id, content_sha256 from live.documents
                        except
                        select doc_id, run_id, content_sha256 from main.documents)
    union
    select doc_id from (select doc_id from main.documents except select doc_id from live.documents);
delete from main.claim_sources
    where claim_id in (select claim_id from main.claims where doc_id in (select doc_id from sync_docs));
delete from main.claims where doc_id in (select doc_id from sync_docs);
delete from main.document_dates where doc_id in (select doc_id from sync_docs);
delete from main.numbers_set_aside where doc_id in (select doc_id from sync_docs);
delete from main.documents where doc_id in (select doc_id from sync_docs);
insert into main.documents by name select * from live.documents where doc_id in (select doc_id from sync_docs);
insert into main.claims by name select * from live.claims where doc_id in (select doc_id from sync_docs);
insert into main.claim_sources by name
    select s.* from live.claim_sources as s join live.claims as c on c.claim_id = s.claim_id
    where c.doc_id in (select doc_id from sync_docs);
insert into main.document_dates by name select * from live.document_dates where doc_id in (select doc_id from sync_docs);
insert into main.numbers_set_aside by name
    select * from live.numbers_set_aside where doc_id in (select doc_id from sync_docs);
