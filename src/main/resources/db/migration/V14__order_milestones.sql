-- Every milestone of an order and its parcels, with its time: placed, reserved, quoted, paid, acknowledged, each parcel
-- booked, handed over, on its way (courier events with place and ETA), delivered, cancelled or returned.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.
create table order_milestone (
  id           bigint       not null auto_increment primary key,
  order_id     varchar(36)  not null,
  shipment_no  int          null,
  milestone    varchar(40)  not null,
  detail       varchar(300) null,
  occurred_at  timestamp(6) not null,
  constraint fk_order_milestone_order foreign key (order_id) references customer_order (id)
);
create index ix_order_milestone_order on order_milestone (order_id, occurred_at);

-- The latest estimated delivery the courier gave for a parcel.
alter table order_shipment add column estimated_delivery timestamp(6) null;
