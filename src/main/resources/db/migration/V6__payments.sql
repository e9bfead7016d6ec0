-- Payments by card, bank transfer, cash on delivery and invoice (processes payment and payment-settlement).
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC. Money: decimal(12,2) + currency.
-- No card number or CVC is ever stored: a card is known only by the payment provider's token (pm_...).

-- Only a card payment has a provider payment-method id; orders paid otherwise have none.
alter table customer_order modify payment_reference varchar(100) null;

-- The payment of one order: its method, where it stands, the amount secured, the card token to try next, the
-- creditor reference a bank transfer must quote, and what was received.
create table payment (
  id                     bigint        not null auto_increment primary key,
  order_id               varchar(36)   not null,
  method                 varchar(20)   not null,
  status                 varchar(30)   not null,
  amount                 decimal(12,2) not null,
  currency               char(3)       not null,
  payment_method_id      varchar(100),
  card_attempt           int           not null default 0,
  card_update_published  int           not null default 0,
  transfer_reference     varchar(35),
  received_amount        decimal(12,2),
  detail                 varchar(500),
  created_at             timestamp(6)  not null,
  updated_at             timestamp(6)  not null,
  version                int           not null default 0,
  constraint uq_payment_of_order unique (order_id),
  constraint uq_payment_transfer_reference unique (transfer_reference),
  constraint fk_payment_order foreign key (order_id) references customer_order (id),
  constraint ck_payment_amount check (amount >= 0),
  constraint ck_payment_card_attempt check (card_attempt >= 0 and card_update_published <= card_attempt)
);

-- A declined card may be followed by another: one authorization per order and attempt (the provider's idempotency
-- key is the order id and the attempt number), so a repeated job answers from the stored attempt.
alter table payment_authorization add column attempt_no int not null default 1;
alter table payment_authorization add constraint uq_payment_authorization_attempt unique (order_id, attempt_no);
alter table payment_authorization drop constraint uq_payment_order;

-- The authorized card amount is captured once per order, when its first parcel is with the courier.
create table payment_capture (
  id                 bigint        not null auto_increment primary key,
  order_id           varchar(36)   not null,
  attempt_no         int           not null,
  shipment_no        int           not null,
  amount             decimal(12,2) not null,
  currency           char(3)       not null,
  provider_reference varchar(60)   not null,
  captured_at        timestamp(6)  not null,
  constraint uq_payment_capture_order unique (order_id),
  constraint uq_payment_capture_reference unique (provider_reference)
);

-- Imported bank-statement entries, once per bank transaction id. Matched entries are passed on to the waiting
-- process (published_at); the others stay for finance.
create table bank_statement_entry (
  id                  bigint        not null auto_increment primary key,
  bank_transaction_id varchar(80)   not null,
  reference           varchar(60),
  amount              decimal(12,2) not null,
  currency            char(3)       not null,
  booking_date        date          not null,
  payer_name          varchar(200),
  outcome             varchar(20)   not null,
  matched_to          varchar(20),
  order_id            varchar(36),
  note                varchar(300),
  imported_at         timestamp(6)  not null,
  published_at        timestamp(6)  null,
  constraint uq_bank_transaction unique (bank_transaction_id)
);
create index ix_bank_statement_outcome on bank_statement_entry (outcome, booking_date);

-- What the courier reports to have collected at the door, once per collection id and once per order.
create table cash_collection (
  id              bigint        not null auto_increment primary key,
  collection_id   varchar(80)   not null,
  order_id        varchar(36)   not null,
  tracking_number varchar(40),
  amount          decimal(12,2) not null,
  currency        char(3)       not null,
  outcome         varchar(20)   not null,
  reported_at     timestamp(6)  not null,
  published_at    timestamp(6)  null,
  constraint uq_cash_collection unique (collection_id),
  constraint uq_cash_collection_order unique (order_id),
  constraint fk_cash_collection_order foreign key (order_id) references customer_order (id)
);

-- Invoices: one per order, numbered per year without gaps (INV-2026-000123), each with its own creditor reference.
create table invoice (
  id             bigint        not null auto_increment primary key,
  order_id       varchar(36)   not null,
  invoice_year   int           not null,
  sequence_no    int           not null,
  invoice_number varchar(20)   not null,
  customer_email varchar(254)  not null,
  amount         decimal(12,2) not null,
  currency       char(3)       not null,
  reference      varchar(35)   not null,
  issued_on      date          not null,
  due_on         date          not null,
  status         varchar(20)   not null,
  paid_at        timestamp(6)  null,
  created_at     timestamp(6)  not null,
  constraint uq_invoice_order unique (order_id),
  constraint uq_invoice_number unique (invoice_number),
  constraint uq_invoice_sequence unique (invoice_year, sequence_no),
  constraint uq_invoice_reference unique (reference),
  constraint fk_invoice_order foreign key (order_id) references customer_order (id),
  constraint ck_invoice_sequence check (sequence_no > 0)
);
create index ix_invoice_customer on invoice (customer_email, status);
