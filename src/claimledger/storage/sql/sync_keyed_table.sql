-- Bring table {table} of this generation file (main) to the live warehouse's (attached as `live`), group by
-- group of rows sharing {key}: a group in which a row differs (a hash of the whole row, duplicates
-- counted) is replaced; the other groups are not written.
create or replace temp table sync_keys as
    select {key} from (select {key}, hash(t) from live.{table} as t
                       except all
                       select {key}, hash(t) from main.{table} as t)
    union
    select {key} from (select {key}, hash(t) from main.{table} as t
                       except all
                       select {key}, hash(t) from live.{table} as t);
delete from main.{table} where {key} in (select {key} from sync_keys);
insert into main.{table} by name select * from live.{table} where {key} in (select {key} from sync_keys);
