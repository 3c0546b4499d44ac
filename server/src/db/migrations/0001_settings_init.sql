-- settings: the store profile and other app settings, one JSON value per key.
create table settings (
  key text primary key,
  value text not null check (json_valid(value)),
  updated_at text not null
);

-- secrets: AES-256-GCM ciphertexts only; the key never sits in this database.
create table secrets (
  name text primary key,
  iv blob not null,
  tag blob not null,
  ciphertext blob not null,
  hint text,
  updated_at text not null
);
