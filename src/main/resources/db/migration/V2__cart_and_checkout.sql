-- Carts and the delivery choices made at checkout. Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode).

create table cart (
  id         varchar(36)  not null primary key,
  status     varchar(20)  not null,
  order_id   varchar(36),
  created_at timestamp(6) not null,
  updated_at timestamp(6) not null,
  version    int          not null default 0,
  constraint uq_cart_order unique (order_id)
);

create table cart_line (
  id       bigint      not null auto_increment primary key,
  cart_id  varchar(36) not null,
  sku      varchar(40) not null,
  quantity int         not null,
  constraint uq_cart_line unique (cart_id, sku),
  constraint fk_cart_line_cart foreign key (cart_id) references cart (id),
  constraint fk_cart_line_product foreign key (sku) references product (sku),
  constraint ck_cart_line_quantity check (quantity > 0 and quantity <= 100)
);

alter table customer_order add column delivery_method varchar(20) not null default 'STANDARD';
alter table customer_order add column pickup_point_id varchar(40);
alter table customer_order add column delivery_date date;
alter table customer_order add column delivery_window varchar(20);
alter table customer_order add column gift_wrap boolean not null default false;
alter table customer_order add column gift_message varchar(300);
alter table customer_order add column fragile_packaging boolean not null default false;
alter table customer_order add column delivery_instructions varchar(500);
alter table customer_order add column marketing_consent boolean not null default false;
