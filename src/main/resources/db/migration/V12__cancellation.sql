-- Cancellation until hand-over, undone step by step by the process's compensation handlers.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.

-- A parcel is BOOKED with the courier (tracking number known, label printed) before it is SHIPPED, i.e. handed over at
-- the dock; only then does its stock leave the warehouse. Until hand-over it may be CANCELLED. A requested
-- cancellation blocks the hand-over; a hand-over blocks the cancellation.
alter table order_shipment add column booked_at timestamp(6) null;
alter table order_shipment add column handed_over_at timestamp(6) null;
alter table order_shipment add column cancellation_requested_at timestamp(6) null;
alter table order_shipment add column cancellation_reason varchar(500);
alter table order_shipment add column cancelled_at timestamp(6) null;

-- Who asked for the order's cancellation, and when (the process then undoes what was done).
alter table customer_order add column cancellation_requested_at timestamp(6) null;
alter table customer_order add column cancellation_requested_by varchar(100);

-- A courier booking can be withdrawn until the courier has collected the parcel. An undeliverable or damaged parcel
-- can be sent back: the courier is asked to return it and reports it RETURNED at the warehouse.
alter table shipment drop constraint ck_shipment_status;
alter table shipment add column cancelled_at timestamp(6) null;
alter table shipment add column return_requested_at timestamp(6) null;
alter table shipment add constraint ck_shipment_status
  check (status in ('BOOKED', 'COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED', 'DAMAGED',
                    'DELIVERED', 'CANCELLED', 'RETURNED'));
alter table tracking_event drop constraint ck_tracking_event_type;
alter table tracking_event add constraint ck_tracking_event_type
  check (event_type in ('COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'DAMAGED',
                        'RETURNED'));

-- Goods of a returned parcel that are on sale again enter the stock ledger as RETURNED.
alter table stock_movement drop constraint ck_movement_type;
alter table stock_movement add constraint ck_movement_type
  check (movement_type in ('RESERVED', 'RELEASED', 'ISSUED', 'RETURNED'));

-- The scans of a cancelled pick: the goods went back to their bins, their serial numbers may be picked again, and
-- what was scanned is still on record.
create table cancelled_pick_scan (
  id             bigint       not null auto_increment primary key,
  order_id       varchar(36)  not null,
  shipment_no    int          not null,
  sku            varchar(40)  not null,
  unit_no        int          not null,
  serial_number  varchar(100) null,
  scanned_at     timestamp(6) not null,
  picked_at      timestamp(6) null,
  cancelled_at   timestamp(6) not null,
  constraint uq_cancelled_pick_scan unique (order_id, shipment_no, sku, unit_no),
  constraint fk_cancelled_pick_scan_order foreign key (order_id) references customer_order (id)
);
