-- Foundation schema: users and sessions, the audit chain, customers, accounts, products,
-- transactions, FX rates, idempotency records and the demo's planted-pattern ground truth.
-- Portable across SQLite and PostgreSQL: TEXT, BIGINT, INTEGER only. Instants are BIGINT
-- microseconds since the Unix epoch (UTC), columns suffixed _us; civil dates are TEXT YYYY-MM-DD.
-- Columns suffixed _enc hold XChaCha20-Poly1305 ciphertexts "keyid:base64"; _bidx hold keyed
-- BLAKE2b blind indexes for exact lookup.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  locale TEXT NOT NULL DEFAULT 'zh-CN',
  created_at_us BIGINT NOT NULL,
  updated_at_us BIGINT NOT NULL
);

CREATE TABLE login_failures (
  username TEXT NOT NULL,
  at_us BIGINT NOT NULL
);
CREATE INDEX login_failures_by_user ON login_failures (username, at_us);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at_us BIGINT NOT NULL,
  expires_at_us BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at_us BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_by_actor ON audit_log (actor, seq);
CREATE INDEX audit_by_action ON audit_log (action, seq);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name_enc TEXT NOT NULL,
  name_bidx TEXT NOT NULL,
  id_type TEXT NOT NULL,
  id_number_enc TEXT,
  id_number_bidx TEXT,
  phone_enc TEXT,
  phone_bidx TEXT,
  email_enc TEXT,
  address_enc TEXT,
  province TEXT,
  nationality TEXT NOT NULL,
  investor_class TEXT,
  aml_risk TEXT NOT NULL,
  segment TEXT,
  created_at_us BIGINT NOT NULL,
  updated_at_us BIGINT NOT NULL
);
CREATE INDEX customers_by_name ON customers (name_bidx);
CREATE UNIQUE INDEX customers_by_id_number ON customers (id_number_bidx);
CREATE INDEX customers_by_phone ON customers (phone_bidx);
CREATE INDEX customers_by_type ON customers (type, id);

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  type TEXT NOT NULL,
  risk_level TEXT NOT NULL,
  currency TEXT NOT NULL
);

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  number_enc TEXT NOT NULL,
  number_bidx TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  product_id TEXT REFERENCES products (id),
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  last_activity_at_us BIGINT,
  balance_minor BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX accounts_by_customer ON accounts (customer_id);

CREATE TABLE transactions (
  id TEXT PRIMARY KEY,
  time_us BIGINT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  account_id TEXT NOT NULL REFERENCES accounts (id),
  direction TEXT NOT NULL,
  channel TEXT NOT NULL,
  amount_minor BIGINT NOT NULL,
  currency TEXT NOT NULL,
  counterparty_id TEXT,
  counterparty_name TEXT,
  counterparty_country TEXT,
  cross_border INTEGER NOT NULL DEFAULT 0,
  device_id TEXT
);
CREATE INDEX transactions_by_customer ON transactions (customer_id, time_us, id);
CREATE INDEX transactions_by_account ON transactions (account_id, time_us);

CREATE TABLE fx_rates (
  currency TEXT NOT NULL,
  rate_date TEXT NOT NULL,
  cny_per_unit TEXT NOT NULL,
  PRIMARY KEY (currency, rate_date)
);

CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at_us BIGINT NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);

CREATE TABLE planted_patterns (
  customer_id TEXT NOT NULL REFERENCES customers (id),
  pattern TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (customer_id, pattern)
);
