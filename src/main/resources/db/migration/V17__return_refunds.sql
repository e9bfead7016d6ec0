-- The money side of returns (RMA): refunds per return, store credit, VAT credit notes.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC. Money: decimal(12,2) + currency.

-- What refunding one return did, once per order and RMA number: the card refunded (PENDING while the provider has not
-- confirmed it; the amount is already reserved against what was taken), store credit issued, a refund due that finance
-- pays out by bank transfer (PAYOUT_DUE, then PAID_OUT with finance's payout reference), the open invoice or the later
-- capture or collection reduced, or nothing.
create table return_refund (
  id                 bigint        not null auto_increment primary key,
  order_id           varchar(36)   not null,
  rma_number         varchar(40)   not null,
  refund_choice      varchar(20)   not null,
  action             varchar(20)   not null,
  status             varchar(20)   not null,
  requested_amount   decimal(12,2) not null,
  amount             decimal(12,2) not null,
  currency           char(3)       not null,
  provider_reference varchar(80),
  payout_reference   varchar(80),
  note               varchar(300),
  created_at         timestamp(6)  not null,
  completed_at       timestamp(6)  null,
  paid_out_at        timestamp(6)  null,
  version            int           not null default 0,
  constraint uq_return_refund unique (order_id, rma_number),
  constraint fk_return_refund_order foreign key (order_id) references customer_order (id),
  constraint ck_return_refund_amount check (amount >= 0),
  constraint ck_return_refund_action check (action in ('CARD_REFUNDED', 'STORE_CREDIT', 'BANK_PAYOUT_DUE', 'REDUCED',
                                                       'NOTHING')),
  constraint ck_return_refund_status check (status in ('PENDING', 'DONE', 'PAYOUT_DUE', 'PAID_OUT'))
);

-- Store credit: one row per credit, issued to the customer's e-mail (lower case) for one return, with a code people
-- can read out (SC-XXXX-XXXX). Spending it is not part of this migration.
create table store_credit (
  id                bigint        not null auto_increment primary key,
  code              varchar(14)   not null,
  customer_email    varchar(254)  not null,
  amount            decimal(12,2) not null,
  currency          char(3)       not null,
  source_order_id   varchar(36)   not null,
  source_rma_number varchar(40)   not null,
  issued_at         timestamp(6)  not null,
  constraint uq_store_credit_code unique (code),
  constraint uq_store_credit_source unique (source_order_id, source_rma_number),
  constraint fk_store_credit_order foreign key (source_order_id) references customer_order (id),
  constraint ck_store_credit_amount check (amount > 0)
);
create index ix_store_credit_customer on store_credit (customer_email, issued_at);

-- The credit-note counter, one row per year, its own series (CN-2026-000001) beside the VAT invoices'. Locked in the
-- transaction that inserts the credit note: gap-free, never a number twice.
create table credit_note_sequence (
  credit_note_year int not null primary key,
  last_no          int not null default 0,
  constraint ck_credit_note_sequence_last_no check (last_no >= 0 and last_no <= 999999)
);

-- A VAT credit note corrects one VAT invoice for the goods (and shipping) of one return: once per order, RMA and
-- corrected invoice. Seller and buyer as on the corrected invoice; the totals are negative.
create table credit_note (
  id                       bigint        not null auto_increment primary key,
  credit_note_number       varchar(20)   not null,
  credit_note_year         int           not null,
  sequence_no              int           not null,
  order_id                 varchar(36)   not null,
  order_number             varchar(20)   not null,
  rma_number               varchar(40)   not null,
  corrected_invoice_number varchar(20)   not null,
  corrected_invoice_date   date          not null,
  shipment_no              int           not null,
  issued_on                date          not null,
  currency                 char(3)       not null,
  seller_name              varchar(200)  not null,
  seller_address           varchar(300)  not null,
  seller_vat_id            varchar(30)   not null,
  buyer_name               varchar(200)  not null,
  buyer_email              varchar(254)  not null,
  buyer_street             varchar(200)  not null,
  buyer_postal_code        varchar(20)   not null,
  buyer_city               varchar(100)  not null,
  buyer_country            char(2)       not null,
  total_net                decimal(12,2) not null,
  total_vat                decimal(12,2) not null,
  total_gross              decimal(12,2) not null,
  created_at               timestamp(6)  not null,
  constraint uq_credit_note_number unique (credit_note_number),
  constraint uq_credit_note_sequence unique (credit_note_year, sequence_no),
  constraint uq_credit_note_return unique (order_id, rma_number, corrected_invoice_number),
  constraint fk_credit_note_order foreign key (order_id) references customer_order (id),
  constraint fk_credit_note_invoice foreign key (corrected_invoice_number) references vat_invoice (invoice_number),
  constraint ck_credit_note_sequence check (sequence_no > 0),
  constraint ck_credit_note_totals check (total_gross <= 0)
);
create index ix_credit_note_invoice on credit_note (corrected_invoice_number);

-- The lines of a credit note: returned goods (negative quantity) and refunded shipping (no SKU), at the corrected
-- invoice line's unit price and VAT rate; net, VAT and gross negative.
create table credit_note_line (
  id               bigint        not null auto_increment primary key,
  credit_note_id   bigint        not null,
  line_no          int           not null,
  invoice_line_no  int           not null,
  sku              varchar(40),
  description      varchar(300)  not null,
  quantity         int           not null,
  unit_price_gross decimal(12,2) not null,
  vat_rate         decimal(5,2)  not null,
  net              decimal(12,2) not null,
  vat              decimal(12,2) not null,
  gross            decimal(12,2) not null,
  constraint uq_credit_note_line unique (credit_note_id, line_no),
  constraint fk_credit_note_line_note foreign key (credit_note_id) references credit_note (id),
  constraint ck_credit_note_line_quantity check (quantity < 0)
);
