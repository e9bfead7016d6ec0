-- Replenishment: reorder policies per SKU and warehouse, suppliers, purchase orders with their lines, goods receipts
-- (any number per purchase order) with their lines and discrepancies, and what was sent to the supplier.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC. Money: decimal(12,2) + currency.

create table supplier (
  id              varchar(20)  not null primary key,
  name            varchar(200) not null,
  email           varchar(200) not null,
  lead_time_days  int          not null,
  currency        char(3)      not null,
  constraint ck_supplier_lead_time check (lead_time_days >= 0)
);

-- When available stock (on hand - reserved) of a SKU in a warehouse falls below reorder_point, order_quantity units
-- are proposed from the supplier at unit_cost.
create table reorder_policy (
  sku            varchar(40)   not null,
  warehouse_id   varchar(20)   not null,
  reorder_point  int           not null,
  order_quantity int           not null,
  supplier_id    varchar(20)   not null,
  unit_cost      decimal(12,2) not null,
  primary key (sku, warehouse_id),
  constraint fk_reorder_policy_product foreign key (sku) references product (sku),
  constraint fk_reorder_policy_warehouse foreign key (warehouse_id) references warehouse (id),
  constraint fk_reorder_policy_supplier foreign key (supplier_id) references supplier (id),
  constraint ck_reorder_policy_point check (reorder_point >= 0),
  constraint ck_reorder_policy_quantity check (order_quantity > 0),
  constraint ck_reorder_policy_cost check (unit_cost >= 0)
);

-- The purchase order counter, one row per year: PO-2026-000123, gap-free (taken under the row's write lock in the
-- transaction that stores the purchase order, like the RMA numbers).
create table po_sequence (
  po_year int not null primary key,
  last_no int not null default 0,
  constraint ck_po_sequence_last_no check (last_no >= 0 and last_no <= 999999)
);

create table purchase_order (
  id               varchar(36)   not null primary key,
  po_number        varchar(20)   not null,
  supplier_id      varchar(20)   not null,
  warehouse_id     varchar(20)   not null,
  status           varchar(20)   not null,
  currency         char(3)       not null,
  total_value      decimal(12,2) not null,
  expected_date    date,
  approved_by      varchar(100),
  decision_note    varchar(1000),
  rejection_reason varchar(1000),
  created_at       timestamp(6)  not null,
  sent_at          timestamp(6)  null,
  confirmed_at     timestamp(6)  null,
  closed_at        timestamp(6)  null,
  updated_at       timestamp(6)  not null,
  version          bigint        not null default 0,
  constraint uq_purchase_order_number unique (po_number),
  constraint fk_purchase_order_supplier foreign key (supplier_id) references supplier (id),
  constraint fk_purchase_order_warehouse foreign key (warehouse_id) references warehouse (id),
  constraint ck_purchase_order_status check (status in ('DRAFT', 'AWAITING_APPROVAL', 'SENT', 'CONFIRMED',
    'PARTIALLY_CONFIRMED', 'REJECTED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'))
);
create index ix_purchase_order_status on purchase_order (status, created_at);

-- open_key (sku@warehouse) is set while the line still waits for goods and cleared when it is complete or its
-- purchase order is closed: the unique constraint allows one open replenishment per SKU and warehouse.
create table purchase_order_line (
  id                 bigint        not null auto_increment primary key,
  purchase_order_id  varchar(36)   not null,
  line_no            int           not null,
  sku                varchar(40)   not null,
  ordered_quantity   int           not null,
  confirmed_quantity int,
  received_quantity  int           not null default 0,
  damaged_quantity   int           not null default 0,
  accepted_quantity  int           not null default 0,
  unit_cost          decimal(12,2) not null,
  open_key           varchar(70),
  constraint uq_purchase_order_line unique (purchase_order_id, line_no),
  constraint uq_purchase_order_line_open unique (open_key),
  constraint fk_purchase_order_line_order foreign key (purchase_order_id) references purchase_order (id),
  constraint fk_purchase_order_line_product foreign key (sku) references product (sku),
  constraint ck_purchase_order_line_quantities check (ordered_quantity > 0 and received_quantity >= 0
    and damaged_quantity >= 0 and accepted_quantity >= 0)
);

-- The purchase order's history: every step it went through, with a detail.
create table purchase_order_event (
  id                bigint       not null auto_increment primary key,
  purchase_order_id varchar(36)  not null,
  occurred_at       timestamp(6) not null,
  step              varchar(30)  not null,
  detail            varchar(1000),
  constraint fk_purchase_order_event_order foreign key (purchase_order_id) references purchase_order (id)
);
create index ix_purchase_order_event_order on purchase_order_event (purchase_order_id, occurred_at);

-- One row per delivery; delivery_reference (the supplier's delivery note, optional) makes a repeated receipt a no-op.
create table goods_receipt (
  id                 bigint       not null auto_increment primary key,
  purchase_order_id  varchar(36)  not null,
  receipt_no         int          not null,
  delivery_reference varchar(80),
  received_by        varchar(100) not null,
  received_at        timestamp(6) not null,
  constraint uq_goods_receipt unique (purchase_order_id, receipt_no),
  constraint uq_goods_receipt_delivery unique (purchase_order_id, delivery_reference),
  constraint fk_goods_receipt_order foreign key (purchase_order_id) references purchase_order (id)
);

-- What one delivery brought per purchase order line: received, damaged (not accepted), accepted into stock, and
-- over-delivered (more than was still open: a discrepancy, never stock), with the bin it was put away into.
create table goods_receipt_line (
  id                  bigint        not null auto_increment primary key,
  goods_receipt_id    bigint        not null,
  po_line_no          int           not null,
  sku                 varchar(40)   not null,
  received_quantity   int           not null,
  damaged_quantity    int           not null,
  accepted_quantity   int           not null,
  over_quantity       int           not null,
  short_quantity      int           not null,
  lot_or_serials      varchar(2000),
  bin_location        varchar(20),
  constraint uq_goods_receipt_line unique (goods_receipt_id, po_line_no),
  constraint fk_goods_receipt_line_receipt foreign key (goods_receipt_id) references goods_receipt (id),
  constraint ck_goods_receipt_line_quantities check (received_quantity >= 0 and damaged_quantity >= 0
    and damaged_quantity <= received_quantity and accepted_quantity >= 0 and over_quantity >= 0
    and short_quantity >= 0)
);

-- The purchase order as sent to the supplier (the simulated supplier port records it here); once per purchase order.
create table supplier_dispatch (
  id                bigint        not null auto_increment primary key,
  purchase_order_id varchar(36)   not null,
  supplier_email    varchar(200)  not null,
  document          text          not null,
  sent_at           timestamp(6)  not null,
  constraint uq_supplier_dispatch unique (purchase_order_id),
  constraint fk_supplier_dispatch_order foreign key (purchase_order_id) references purchase_order (id)
);

-- Goods received against a purchase order in the stock ledger (reference PO number / receipt / line: once).
alter table stock_movement drop constraint ck_movement_type;
alter table stock_movement add constraint ck_movement_type
  check (movement_type in ('RESERVED', 'RELEASED', 'ISSUED', 'RETURNED', 'RETURN_RESTOCKED', 'RETURN_REFURBISH',
                           'RETURN_SCRAPPED', 'RECEIVED'));
