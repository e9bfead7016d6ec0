-- Picking on a handheld: every unit taken from its bin is scanned (barcode = the SKU as Code 128), serialized products
-- with their serial number. Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.
--
-- One row per scanned unit of a parcel (order, shipment): unit_no counts 1..quantity of the SKU, so two concurrent
-- scans of the last unit cannot both be stored. A serial number belongs to one unit of its SKU in any order (NULLs,
-- the units of non-serialized products, do not clash in a unique key on MySQL, MariaDB or H2). picked_at is set when
-- the pick task is completed: from then on the serials are those of the order's lines (packing slip, e-mail).
create table pick_scan (
  id             bigint       not null auto_increment primary key,
  order_id       varchar(36)  not null,
  shipment_no    int          not null,
  sku            varchar(40)  not null,
  unit_no        int          not null,
  serial_number  varchar(100) null,
  scanned_at     timestamp(6) not null,
  picked_at      timestamp(6) null,
  constraint uq_pick_scan_unit unique (order_id, shipment_no, sku, unit_no),
  constraint uq_pick_scan_serial unique (sku, serial_number),
  constraint fk_pick_scan_order foreign key (order_id) references customer_order (id),
  constraint fk_pick_scan_product foreign key (sku) references product (sku),
  constraint ck_pick_scan_unit check (unit_no > 0)
);
