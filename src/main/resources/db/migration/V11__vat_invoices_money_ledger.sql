-- VAT invoices per shipment, the money ledger, and undoing payments (void, refund, cancelled shares).
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC. Money: decimal(12,2) + currency.

-- The accounting invoice number of each parcel, shown on the order.
alter table order_shipment add column invoice_number varchar(20) null;

-- The VAT invoice counter, one row per year. Issuing an invoice locks its year's row (select ... for update) in the
-- same transaction as the invoice insert: a rolled-back issue leaves no gap, two concurrent issues never share a number.
create table invoice_sequence (
  invoice_year int not null primary key,
  last_no      int not null default 0,
  constraint ck_invoice_sequence_last_no check (last_no >= 0 and last_no <= 999999)
);

-- One VAT invoice per parcel handed to the courier (VAT-2026-000123), with the seller and buyer as they were when it
-- was issued and its totals; prices are gross (B2C, VAT included).
create table vat_invoice (
  id                bigint        not null auto_increment primary key,
  invoice_number    varchar(20)   not null,
  invoice_year      int           not null,
  sequence_no       int           not null,
  order_id          varchar(36)   not null,
  order_number      varchar(20)   not null,
  shipment_no       int           not null,
  issued_on         date          not null,
  currency          char(3)       not null,
  seller_name       varchar(200)  not null,
  seller_address    varchar(300)  not null,
  seller_vat_id     varchar(30)   not null,
  buyer_name        varchar(200)  not null,
  buyer_email       varchar(254)  not null,
  buyer_street      varchar(200)  not null,
  buyer_postal_code varchar(20)   not null,
  buyer_city        varchar(100)  not null,
  buyer_country     char(2)       not null,
  total_net         decimal(12,2) not null,
  total_vat         decimal(12,2) not null,
  total_gross       decimal(12,2) not null,
  created_at        timestamp(6)  not null,
  constraint uq_vat_invoice_number unique (invoice_number),
  constraint uq_vat_invoice_sequence unique (invoice_year, sequence_no),
  constraint uq_vat_invoice_shipment unique (order_id, shipment_no),
  constraint fk_vat_invoice_order foreign key (order_id) references customer_order (id),
  constraint ck_vat_invoice_sequence check (sequence_no > 0)
);

-- The lines of a VAT invoice: the goods of that parcel and its shipping cost (no SKU), each with its VAT rate.
create table vat_invoice_line (
  id               bigint        not null auto_increment primary key,
  invoice_id       bigint        not null,
  line_no          int           not null,
  sku              varchar(40),
  description      varchar(300)  not null,
  quantity         int           not null,
  unit_price_gross decimal(12,2) not null,
  vat_rate         decimal(5,2)  not null,
  net              decimal(12,2) not null,
  vat              decimal(12,2) not null,
  gross            decimal(12,2) not null,
  constraint uq_vat_invoice_line unique (invoice_id, line_no),
  constraint fk_vat_invoice_line_invoice foreign key (invoice_id) references vat_invoice (id),
  constraint ck_vat_invoice_line_quantity check (quantity > 0)
);

-- Every movement of an order's money: authorized, captured, voided, refunded (or due back to the payer), received by
-- bank transfer, collected cash on delivery, invoiced. The business key (kind and what caused it) makes a repeated
-- job record it once. Amounts are positive; the kind gives the direction.
create table money_movement (
  id           bigint        not null auto_increment primary key,
  order_id     varchar(36)   not null,
  kind         varchar(20)   not null,
  amount       decimal(12,2) not null,
  currency     char(3)       not null,
  reference    varchar(80),
  business_key varchar(160)  not null,
  occurred_at  timestamp(6)  not null,
  constraint uq_money_movement_key unique (business_key),
  constraint fk_money_movement_order foreign key (order_id) references customer_order (id),
  constraint ck_money_movement_amount check (amount >= 0)
);
create index ix_money_movement_order on money_movement (order_id, id);

-- A cancelled parcel lowers what is still to be captured, collected or invoiced; what went back to the card is kept
-- so a later refund never returns more than was captured.
alter table payment add column cancelled_amount decimal(12,2) not null default 0;
alter table payment add column refunded_amount decimal(12,2) not null default 0;

-- What undoing the payment did, once per order (shipment_no 0: the whole order) and once per cancelled parcel.
create table payment_cancellation (
  id                 bigint        not null auto_increment primary key,
  order_id           varchar(36)   not null,
  shipment_no        int           not null,
  action             varchar(20)   not null,
  amount             decimal(12,2) not null,
  currency           char(3)       not null,
  provider_reference varchar(60),
  reason             varchar(300),
  created_at         timestamp(6)  not null,
  constraint uq_payment_cancellation unique (order_id, shipment_no),
  constraint fk_payment_cancellation_order foreign key (order_id) references customer_order (id)
);
