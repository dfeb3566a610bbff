-- Drop the flags a scoped run resolved: flags of the scope's claims that are not raised any more, and
-- flags of claims no longer stored (an edited article's old claims). Flags of other claims stay.
-- Reads: current_flags (this run's flags), scope_ids(doc_id), registered by the caller.
delete from claim_flags
where flag_id not in (select flag_id from current_flags)
  and (claim_id in (select claim_id from claims where doc_id in (select doc_id from scope_ids))
       or claim_id not in (select claim_id from claims)
       or (related_claim_id is not null and related_claim_id not in (select claim_id from claims)))
