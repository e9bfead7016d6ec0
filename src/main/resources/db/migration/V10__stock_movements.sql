-- Every change of a stock row, as a ledger: what moved, why, for which order, and the figures after it.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode).
create table stock_movement (
  id             bigint       not null auto_increment primary key,
  sku            varchar(40)  not null,
  warehouse_id   varchar(20)  not null,
  movement_type  varchar(20)  not null,
  quantity       int          not null,
  order_id       varchar(36),
  on_hand_after  int          not null,
  reserved_after int          not null,
  occurred_at    timestamp(6) not null,
  constraint fk_movement_stock foreign key (sku, warehouse_id) references stock (sku, warehouse_id),
  constraint ck_movement_type check (movement_type in ('RESERVED', 'RELEASED', 'ISSUED')),
  constraint ck_movement_quantity check (quantity > 0)
);
create index ix_movement_stock on stock_movement (sku, warehouse_id, occurred_at);
create index ix_movement_order on stock_movement (order_id);
