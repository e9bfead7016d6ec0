-- Stock transfers between warehouses (replenishment from another warehouse's surplus instead of a purchase): one SKU
-- from one warehouse to another, numbered TR-yyyy-nnnnnn (gap-free, document_counter series 'TR'), in transit until
-- the destination counts it (received, damaged, accepted onto stock, short and over).
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.

-- open_key (sku@destination) is set while the transfer is in transit and cleared when it is received: the unique
-- constraint allows one open transfer per SKU and destination warehouse.
create table stock_transfer (
  id                varchar(36)   not null primary key,
  transfer_number   varchar(20)   not null,
  sku               varchar(40)   not null,
  from_warehouse_id varchar(20)   not null,
  to_warehouse_id   varchar(20)   not null,
  quantity          int           not null,
  status            varchar(20)   not null,
  received_quantity int,
  damaged_quantity  int,
  accepted_quantity int,
  short_quantity    int,
  over_quantity     int,
  notes             varchar(1000),
  received_by       varchar(100),
  created_at        timestamp(6)  not null,
  received_at       timestamp(6)  null,
  updated_at        timestamp(6)  not null,
  version           bigint        not null default 0,
  open_key          varchar(70),
  constraint uq_stock_transfer_number unique (transfer_number),
  constraint uq_stock_transfer_open unique (open_key),
  constraint fk_stock_transfer_product foreign key (sku) references product (sku),
  constraint fk_stock_transfer_from foreign key (from_warehouse_id) references warehouse (id),
  constraint fk_stock_transfer_to foreign key (to_warehouse_id) references warehouse (id),
  constraint ck_stock_transfer_warehouses check (from_warehouse_id <> to_warehouse_id),
  constraint ck_stock_transfer_status check (status in ('IN_TRANSIT', 'RECEIVED')),
  constraint ck_stock_transfer_quantities check (quantity > 0 and received_quantity >= 0 and damaged_quantity >= 0
    and damaged_quantity <= received_quantity and accepted_quantity >= 0 and accepted_quantity <= quantity
    and short_quantity >= 0 and over_quantity >= 0)
);
create index ix_stock_transfer_created on stock_transfer (created_at);

-- Goods leaving for another warehouse (TRANSFER_OUT) and arriving from one (TRANSFER_IN) in the stock ledger
-- (reference transfer number /OUT or /IN: once each).
alter table stock_movement drop constraint ck_movement_type;
alter table stock_movement add constraint ck_movement_type
  check (movement_type in ('RESERVED', 'RELEASED', 'ISSUED', 'RETURNED', 'RETURN_RESTOCKED', 'RETURN_REFURBISH',
                           'RETURN_SCRAPPED', 'RECEIVED', 'TRANSFER_OUT', 'TRANSFER_IN'));
