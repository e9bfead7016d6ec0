-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.

create table product (
  sku            varchar(40)   not null primary key,
  model_code     varchar(40)   not null,
  name           varchar(200)  not null,
  category       varchar(60)   not null,
  variant        varchar(60),
  price_amount   decimal(12,2) not null,
  price_currency char(3)       not null,
  weight_grams   int           not null,
  serialized     boolean       not null default false,
  constraint ck_product_price check (price_amount >= 0),
  constraint ck_product_weight check (weight_grams > 0)
);

create table warehouse (
  id         varchar(20)  not null primary key,
  name       varchar(100) not null,
  city       varchar(100) not null,
  country    char(2)      not null,
  latitude   decimal(9,6) not null,
  longitude  decimal(9,6) not null
);

create table stock (
  sku          varchar(40) not null,
  warehouse_id varchar(20) not null,
  on_hand      int         not null,
  reserved     int         not null default 0,
  bin_location varchar(20) not null,
  primary key (sku, warehouse_id),
  constraint fk_stock_product foreign key (sku) references product (sku),
  constraint fk_stock_warehouse foreign key (warehouse_id) references warehouse (id),
  constraint ck_stock_on_hand check (on_hand >= 0),
  constraint ck_stock_reserved check (reserved >= 0 and reserved <= on_hand)
);

create table customer_order (
  id                   varchar(36)   not null primary key,
  order_number         varchar(20)   not null,
  status               varchar(30)   not null,
  customer_name        varchar(200)  not null,
  customer_email       varchar(254)  not null,
  customer_phone       varchar(40),
  ship_street          varchar(200)  not null,
  ship_postal_code     varchar(20)   not null,
  ship_city            varchar(100)  not null,
  ship_country         char(2)       not null,
  currency             char(3)       not null,
  total_amount         decimal(12,2) not null,
  payment_method       varchar(20)   not null,
  payment_reference    varchar(100)  not null,
  warehouse_id         varchar(20),
  tracking_number      varchar(40),
  cancellation_reason  varchar(500),
  process_instance_key bigint,
  placed_at            timestamp(6)  not null,
  updated_at           timestamp(6)  not null,
  version              int           not null default 0,
  constraint uq_order_number unique (order_number),
  constraint fk_order_warehouse foreign key (warehouse_id) references warehouse (id)
);
create index ix_order_status on customer_order (status, placed_at);

create table order_line (
  id           bigint        not null auto_increment primary key,
  order_id     varchar(36)   not null,
  line_no      int           not null,
  sku          varchar(40)   not null,
  product_name varchar(200)  not null,
  quantity     int           not null,
  unit_price   decimal(12,2) not null,
  constraint uq_order_line unique (order_id, line_no),
  constraint fk_line_order foreign key (order_id) references customer_order (id),
  constraint fk_line_product foreign key (sku) references product (sku),
  constraint ck_line_quantity check (quantity > 0)
);

-- One row per order, SKU and warehouse: a repeated reserve-stock job finds its rows and does nothing.
create table stock_reservation (
  id           bigint       not null auto_increment primary key,
  order_id     varchar(36)  not null,
  sku          varchar(40)  not null,
  warehouse_id varchar(20)  not null,
  quantity     int          not null,
  status       varchar(20)  not null,
  created_at   timestamp(6) not null,
  updated_at   timestamp(6) not null,
  constraint uq_reservation unique (order_id, sku, warehouse_id),
  constraint fk_reservation_stock foreign key (sku, warehouse_id) references stock (sku, warehouse_id),
  constraint ck_reservation_quantity check (quantity > 0)
);

-- One authorization attempt per order (the provider's idempotency key is the order id).
create table payment_authorization (
  id                 bigint        not null auto_increment primary key,
  order_id           varchar(36)   not null,
  status             varchar(20)   not null,
  amount             decimal(12,2) not null,
  currency           char(3)       not null,
  provider_reference varchar(60),
  decline_code       varchar(60),
  created_at         timestamp(6)  not null,
  constraint uq_payment_order unique (order_id)
);

create table shipment (
  id              bigint        not null auto_increment primary key,
  order_id        varchar(36)   not null,
  warehouse_id    varchar(20)   not null,
  carrier         varchar(60)   not null,
  tracking_number varchar(40)   not null,
  package_type    varchar(20)   not null,
  weight_grams    int           not null,
  status          varchar(20)   not null,
  booked_at       timestamp(6)  not null,
  delivered_at    timestamp(6),
  constraint uq_shipment_order unique (order_id),
  constraint uq_shipment_tracking unique (tracking_number)
);

-- Courier events; the carrier's event id makes a resent callback a no-op.
create table tracking_event (
  id              bigint       not null auto_increment primary key,
  event_id        varchar(80)  not null,
  tracking_number varchar(40)  not null,
  event_type      varchar(30)  not null,
  location        varchar(200),
  occurred_at     timestamp(6) not null,
  received_at     timestamp(6) not null,
  published_at    timestamp(6),
  constraint uq_tracking_event unique (event_id)
);
create index ix_tracking_event_number on tracking_event (tracking_number, occurred_at);

-- Staff tasks of the embedded runtime (job-based user tasks). On a cluster, Tasklist's store is used instead.
create table staff_task (
  task_key              bigint       not null primary key,
  process_instance_key  bigint       not null,
  element_instance_key  bigint       not null,
  bpmn_process_id       varchar(100) not null,
  process_version       int          not null,
  element_id            varchar(100) not null,
  name                  varchar(200) not null,
  form_id               varchar(100),
  candidate_groups      varchar(500),
  candidate_users       varchar(500),
  assignee              varchar(100),
  due_date              timestamp(6),
  business_key          varchar(100),
  variables             mediumtext,
  state                 varchar(20)  not null,
  created_at            timestamp(6) not null,
  completed_at          timestamp(6),
  completed_by          varchar(100),
  version               int          not null default 0
);
create index ix_staff_task_state on staff_task (state, created_at);
create index ix_staff_task_instance on staff_task (process_instance_key);
