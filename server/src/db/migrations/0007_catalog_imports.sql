-- catalog: one row per import (wizard upload, CLI, watched folder, demo), with its report.
create table catalog_imports (
  id text primary key,
  file_name text not null,
  format text not null check (format in ('csv','xlsx')),
  source text not null check (source in ('upload','cli','inbox','demo')),
  status text not null check (status in ('uploaded','queued','running','done','failed')),
  dry_run integer not null default 0 check (dry_run in (0, 1)),
  -- the uploaded file, under <data>/imports/, while it may still be run
  stored_path text,
  headers text not null default '[]' check (json_valid(headers)),
  row_count integer,
  mapping text check (mapping is null or json_valid(mapping)),
  processed integer not null default 0,
  created integer,
  updated integer,
  unchanged integer,
  rejected_count integer,
  -- the full report: {created, updated, unchanged, rejected:[{row, reason}], mapping, …}
  report text check (report is null or json_valid(report)),
  -- the rejected rows' original cells, for the rejected-rows CSV: [{row, reason, cells:[…]}]
  rejected_rows text check (rejected_rows is null or json_valid(rejected_rows)),
  error text,
  created_at text not null,
  started_at text,
  finished_at text
);
create index catalog_imports_recent on catalog_imports (created_at);

-- catalog: per file name, the column mapping the user last confirmed (reused by the watched folder
-- and offered first by the wizard) and the content last imported from the watched folder.
create table catalog_files (
  file_name text primary key collate nocase,
  mapping text check (mapping is null or json_valid(mapping)),
  inbox_sha256 text,
  updated_at text not null
);
