-- Backorder orders: when the customer chose to receive the available items now, the units no warehouse had become a
-- follow-up order of the same customer (same prices, address, delivery and payment method), which waits for stock
-- (status AWAITING_STOCK) until goods arrive and are reserved for it, oldest waiting order first. The backorder order
-- points to the order it completes (id and number as they were); one backorder order per original order, so a
-- repeated or concurrent request finds the one placed before. stock_allocated_at records when the arrived stock was
-- reserved for it (the allocation happens once; the order's process is told after it).
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.
alter table customer_order add column backorder_for_order_id varchar(36) null;
alter table customer_order add column backorder_for_order_number varchar(20) null;
alter table customer_order add column stock_allocated_at timestamp(6) null;
alter table customer_order add constraint uq_customer_order_backorder_for unique (backorder_for_order_id);
alter table customer_order add constraint fk_customer_order_backorder_for
  foreign key (backorder_for_order_id) references customer_order (id);
alter table customer_order add constraint ck_customer_order_backorder
  check ((backorder_for_order_id is null and backorder_for_order_number is null and stock_allocated_at is null)
      or (backorder_for_order_id is not null and backorder_for_order_number is not null
          and replacement_for_order_id is null));
