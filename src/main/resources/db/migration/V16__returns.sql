-- Returns and complaints (processes/return.bpmn, one process instance per RMA): the request with its lines, photos,
-- unexpected scans and history; the return parcel the courier carries back; goods back in stock per RMA line.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC. Money: decimal(12,2) + currency.

-- The RMA counter, one row per year: RMA-2026-000123, gap-free (taken under the row's write lock in the transaction
-- that stores the request, like the VAT invoice numbers).
create table rma_sequence (
  rma_year int not null primary key,
  last_no  int not null default 0,
  constraint ck_rma_sequence_last_no check (last_no >= 0 and last_no <= 999999)
);

create table return_request (
  id                     varchar(36)   not null primary key,
  rma_number             varchar(20)   not null,
  order_id               varchar(36)   not null,
  kind                   varchar(20)   not null,
  reason                 varchar(20)   not null,
  notes                  varchar(2000),
  refund_choice          varchar(20)   not null,
  status                 varchar(20)   not null,
  requested_by           varchar(100)  not null,
  requested_at           timestamp(6)  not null,
  warehouse_id           varchar(20)   not null,
  days_since_delivery    int           not null,
  return_tracking_number varchar(40),
  carrier                varchar(60),
  label_issued_at        timestamp(6)  null,
  arrived_at             timestamp(6)  null,
  inspected_at           timestamp(6)  null,
  scanned_items          text,
  complaint_resolution   varchar(20),
  resolution_note        varchar(2000),
  review_note            varchar(2000),
  refund_action          varchar(20),
  refund_amount          decimal(12,2),
  refund_currency        char(3),
  refund_reference       varchar(100),
  shipping_refunded      decimal(12,2),
  payout_reference       varchar(100),
  replacement_order_id   varchar(36),
  process_instance_key   bigint,
  closed_at              timestamp(6)  null,
  updated_at             timestamp(6)  not null,
  version                bigint        not null default 0,
  constraint uq_return_rma unique (rma_number),
  constraint fk_return_order foreign key (order_id) references customer_order (id),
  constraint fk_return_warehouse foreign key (warehouse_id) references warehouse (id),
  constraint ck_return_kind check (kind in ('RETURN', 'COMPLAINT')),
  constraint ck_return_reason check (reason in ('CHANGED_MIND', 'WRONG_SIZE', 'DAMAGED', 'DEFECTIVE', 'WRONG_ITEM')),
  constraint ck_return_status check (status in ('REQUESTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'AWAITING_PARCEL',
    'ARRIVED', 'INSPECTED', 'REFUND_PENDING', 'REFUNDED', 'REPLACED', 'EXPIRED', 'CLOSED'))
);
create index ix_return_order on return_request (order_id);
create index ix_return_status on return_request (status, requested_at);

-- The requested lines; eligibility from the return-eligibility decision, what came back from the warehouse's scan and
-- inspection, and what became of it from the return-outcome decision.
create table return_line (
  id                      bigint        not null auto_increment primary key,
  return_id               varchar(36)   not null,
  line_no                 int           not null,
  sku                     varchar(40)   not null,
  product_name            varchar(200)  not null,
  category                varchar(60),
  requested_quantity      int           not null,
  unit_price              decimal(12,2) not null,
  eligibility             varchar(10),
  eligibility_explanation varchar(500),
  received_quantity       int,
  missing_quantity        int,
  item_condition          varchar(20),
  notes                   varchar(1000),
  outcome                 varchar(20),
  outcome_explanation     varchar(500),
  put_away_at             timestamp(6)  null,
  constraint uq_return_line unique (return_id, line_no),
  constraint fk_return_line_request foreign key (return_id) references return_request (id),
  constraint ck_return_line_quantity check (requested_quantity > 0),
  constraint ck_return_line_eligibility check (eligibility in ('APPROVE', 'REJECT', 'REVIEW')),
  constraint ck_return_line_condition check (item_condition in ('AS_NEW', 'OPENED', 'USED', 'DAMAGED', 'DEFECTIVE')),
  constraint ck_return_line_outcome check (outcome in ('RESTOCK', 'REFURBISH', 'SCRAP'))
);

-- What the warehouse scanned that the RMA did not expect: unknown codes and units beyond the expected quantity.
create table return_extra_item (
  id         bigint       not null auto_increment primary key,
  return_id  varchar(36)  not null,
  code       varchar(100) not null,
  quantity   int          not null,
  constraint fk_return_extra_request foreign key (return_id) references return_request (id),
  constraint ck_return_extra_quantity check (quantity > 0)
);

create table return_photo (
  id         bigint        not null auto_increment primary key,
  return_id  varchar(36)   not null,
  position   int           not null,
  url        varchar(1000) not null,
  constraint uq_return_photo unique (return_id, position),
  constraint fk_return_photo_request foreign key (return_id) references return_request (id)
);

-- The RMA's history: every status it went through, with a detail.
create table return_event (
  id           bigint        not null auto_increment primary key,
  return_id    varchar(36)   not null,
  occurred_at  timestamp(6)  not null,
  step         varchar(30)   not null,
  detail       varchar(500),
  constraint fk_return_event_request foreign key (return_id) references return_request (id)
);
create index ix_return_event_request on return_event (return_id, occurred_at);

-- The shipping cost of a parcel is refunded at most once over all of an order's RMAs (when the shop was at fault).
create table return_shipping_refund (
  id           bigint        not null auto_increment primary key,
  order_id     varchar(36)   not null,
  shipment_no  int           not null,
  return_id    varchar(36)   not null,
  amount       decimal(12,2) not null,
  constraint uq_return_shipping_refund unique (order_id, shipment_no),
  constraint fk_return_shipping_refund_request foreign key (return_id) references return_request (id)
);

-- The courier's return parcel of an RMA (shipping module): customer → warehouse, booked once per RMA. Its courier
-- events go to tracking_event like any parcel's.
create table return_parcel (
  id              bigint       not null auto_increment primary key,
  rma_number      varchar(20)  not null,
  order_id        varchar(36)  not null,
  warehouse_id    varchar(20)  not null,
  carrier         varchar(60)  not null,
  tracking_number varchar(40)  not null,
  status          varchar(20)  not null,
  booked_at       timestamp(6) not null,
  status_since    timestamp(6) not null,
  delivered_at    timestamp(6) null,
  cancelled_at    timestamp(6) null,
  constraint uq_return_parcel_rma unique (rma_number),
  constraint uq_return_parcel_tracking unique (tracking_number),
  constraint ck_return_parcel_status check (status in ('BOOKED', 'COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY',
    'DELIVERY_FAILED', 'DAMAGED', 'DELIVERED', 'CANCELLED', 'RETURNED'))
);

-- Returned goods in the stock ledger: back on sale (RETURN_RESTOCKED), or received but not on sale (RETURN_REFURBISH,
-- RETURN_SCRAPPED). The reference (RMA number / line) makes putting one RMA line away happen once.
alter table stock_movement add column reference varchar(60) null;
alter table stock_movement add constraint uq_stock_movement_reference unique (reference);
alter table stock_movement drop constraint ck_movement_type;
alter table stock_movement add constraint ck_movement_type
  check (movement_type in ('RESERVED', 'RELEASED', 'ISSUED', 'RETURNED', 'RETURN_RESTOCKED', 'RETURN_REFURBISH',
                           'RETURN_SCRAPPED'));
