-- Checkout to payment: planned shipments with their quote, partial availability, payment state, notifications.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.

alter table customer_order add column shipping_cost decimal(12,2);
alter table customer_order add column quote_valid_until timestamp(6) null;
alter table customer_order add column quote_accepted_at timestamp(6) null;
alter table customer_order add column backorder_decision varchar(20);
alter table customer_order add column payment_status varchar(30) not null default 'PENDING';
alter table customer_order add column payment_detail varchar(500);
alter table customer_order add column acknowledged_at timestamp(6) null;

-- Units of a line that no warehouse could give when the order was routed (shipped later or cancelled).
alter table order_line add column unavailable_quantity int not null default 0;

-- The parcels an order leaves in, as the routing planned them, with the shipping quote of each.
create table order_shipment (
  id              bigint        not null auto_increment primary key,
  order_id        varchar(36)   not null,
  shipment_no     int           not null,
  warehouse_id    varchar(20)   not null,
  distance_km     decimal(8,1)  not null,
  weight_grams    int           not null,
  shipping_cost   decimal(12,2),
  transit_days    int,
  status          varchar(20)   not null,
  tracking_number varchar(40),
  constraint uq_order_shipment unique (order_id, shipment_no),
  constraint fk_order_shipment_order foreign key (order_id) references customer_order (id),
  constraint fk_order_shipment_warehouse foreign key (warehouse_id) references warehouse (id)
);

-- A reservation is held until the quote's validity ends; accepted quotes keep it until the goods ship.
alter table stock_reservation add column expires_at timestamp(6) null;

-- What customers and departments are told, written once per process step (the step's element instance is the
-- de-duplication key, so a repeated job records nothing new). The mailer of the delivery issue sends from here.
create table notification (
  id            bigint       not null auto_increment primary key,
  order_id      varchar(36)  not null,
  audience      varchar(30)  not null,
  topic         varchar(60)  not null,
  dedup_key     varchar(60)  not null,
  summary       varchar(1000) not null,
  created_at    timestamp(6) not null,
  sent_at       timestamp(6) null,
  constraint uq_notification unique (order_id, audience, topic, dedup_key)
);
create index ix_notification_audience on notification (audience, created_at);

-- An order may now leave in several parcels: one courier booking per planned shipment.
alter table shipment add column shipment_no int not null default 1;
alter table shipment add constraint uq_shipment_order_no unique (order_id, shipment_no);
alter table shipment drop constraint uq_shipment_order;
