-- Customer analytics (issue 8): what customers do on the site (site events), what they think of what they bought
-- (reviews of delivered products), and what the shop computes from it per customer (RFM segment, recommendations).
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.

-- A signed-in customer's product views, cart additions and searches; the e-mail comes from the sign-in, never the body.
create table site_event (
  id             bigint        not null auto_increment primary key,
  customer_email varchar(254)  not null,
  event_type     varchar(20)   not null,
  sku            varchar(40),
  search_query   varchar(200),
  occurred_at    timestamp(6)  not null,
  received_at    timestamp(6)  not null,
  constraint ck_site_event_type check (event_type in ('PRODUCT_VIEW', 'CART_ADD', 'SEARCH'))
);
create index ix_site_event_customer on site_event (customer_email, occurred_at);
create index ix_site_event_sku on site_event (sku, event_type);

-- One review per order and SKU, by the order's customer, of a product in a delivered parcel.
create table product_review (
  id             varchar(36)   not null primary key,
  order_id       varchar(36)   not null,
  sku            varchar(40)   not null,
  customer_email varchar(254)  not null,
  rating         int           not null,
  review_comment varchar(2000),
  created_at     timestamp(6)  not null,
  constraint uq_product_review_order_sku unique (order_id, sku),
  constraint ck_product_review_rating check (rating between 1 and 5),
  constraint fk_product_review_order foreign key (order_id) references customer_order (id),
  constraint fk_product_review_product foreign key (sku) references product (sku)
);
create index ix_product_review_sku on product_review (sku, created_at);

-- The last computed insight per customer (replaced as a whole by each refresh).
create table customer_insight (
  customer_email    varchar(254)  not null primary key,
  computed_at       timestamp(6)  not null,
  last_order_at     timestamp(6)  not null,
  recency_days      int           not null,
  frequency         int           not null,
  monetary          decimal(14,2) not null,
  currency          varchar(3)    not null,
  recency_score     int           not null,
  frequency_score   int           not null,
  monetary_score    int           not null,
  segment           varchar(20)   not null,
  marketing_consent boolean       not null,
  constraint ck_customer_insight_segment
    check (segment in ('CHAMPION', 'LOYAL', 'NEW', 'AT_RISK', 'LOST', 'OCCASIONAL'))
);
create index ix_customer_insight_segment on customer_insight (segment, marketing_consent);

-- Recommendations of the last refresh: products bought together (BOUGHT_TOGETHER) and re-order reminders (REORDER,
-- with the date the next purchase is expected).
create table customer_recommendation (
  id             bigint        not null auto_increment primary key,
  customer_email varchar(254)  not null,
  kind           varchar(20)   not null,
  rank_no        int           not null,
  sku            varchar(40)   not null,
  score          decimal(10,2) not null,
  reason         varchar(300)  not null,
  due_date       date,
  constraint uq_customer_recommendation unique (customer_email, kind, sku),
  constraint ck_customer_recommendation_kind check (kind in ('BOUGHT_TOGETHER', 'REORDER')),
  constraint fk_customer_recommendation_insight foreign key (customer_email) references customer_insight (customer_email)
);
