-- Replacement shipments: a complaint (damaged, defective, wrong item) resolved by a new order for the same items, free
-- of charge (unit prices and shipping 0.00, payment method NO_CHARGE), fulfilled by the normal order process. The
-- replacement points to the order it replaces (id and number as they were) and to the RMA that decided it; one
-- replacement per RMA, so a repeated request finds the replacement placed before.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode).
alter table customer_order add column replacement_for_order_id varchar(36) null;
alter table customer_order add column replacement_for_order_number varchar(20) null;
alter table customer_order add column replacement_rma varchar(40) null;
alter table customer_order add constraint uq_customer_order_replacement_rma unique (replacement_rma);
alter table customer_order add constraint fk_customer_order_replacement_for
  foreign key (replacement_for_order_id) references customer_order (id);
alter table customer_order add constraint ck_customer_order_replacement
  check ((replacement_for_order_id is null and replacement_rma is null and replacement_for_order_number is null)
      or (replacement_for_order_id is not null and replacement_rma is not null
          and replacement_for_order_number is not null and payment_method = 'NO_CHARGE'));
