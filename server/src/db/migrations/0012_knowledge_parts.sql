-- knowledge: a source is stored as the parts its reader found (JSON array of {location, text}:
-- one per PDF page, per web page, or one for a text), so it can be re-processed without the
-- original file. Legacy rows keep `content` (plain text = one part without a location).
alter table knowledge_sources add column parts text;
-- a website source: the address the owner gave (null for files and pasted text)
alter table knowledge_sources add column url text;
-- while queued/processing: how far along ("Reading page 3 of 12"); null when not reported
alter table knowledge_sources add column progress_done integer;
alter table knowledge_sources add column progress_total integer;
alter table knowledge_sources add column progress_message text;
