-- Marketing campaigns (issue 8, supplier-initiated orders): a campaign offers products at a discount to the consenting
-- customers a rule selects (an RFM segment or a recommended SKU); each customer gets one offer, which places an
-- ordinary order (channel CAMPAIGN) when accepted. Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode).

create table campaign (
  id               varchar(36)   not null primary key,
  name             varchar(120)  not null,
  rule_kind        varchar(20)   not null,
  segment          varchar(20),
  products         varchar(1000) not null,
  discount_percent int           not null,
  valid_until      timestamp(6)  not null,
  created_by       varchar(100)  not null,
  created_at       timestamp(6)  not null,
  status           varchar(20)   not null,
  approved_by      varchar(100),
  decided_at       timestamp(6),
  note             varchar(1000),
  audience_size    int,
  offers_sent      int,
  offers_accepted  int,
  revenue          decimal(14,2),
  process_instance_key bigint,
  version          bigint        not null,
  constraint ck_campaign_rule check (rule_kind in ('SEGMENT', 'RECOMMENDED_SKU')),
  constraint ck_campaign_status
    check (status in ('DRAFT', 'AWAITING_APPROVAL', 'REJECTED', 'RUNNING', 'FINISHED', 'CANCELLED')),
  constraint ck_campaign_discount check (discount_percent between 1 and 90)
);
create index ix_campaign_status on campaign (status, created_at);

-- One offer per campaign and customer; ACCEPTED names the order it placed.
create table campaign_offer (
  id             varchar(36)   not null primary key,
  campaign_id    varchar(36)   not null,
  customer_email varchar(254)  not null,
  batch_no       int           not null,
  status         varchar(20)   not null,
  created_at     timestamp(6)  not null,
  sent_at        timestamp(6),
  accepted_at    timestamp(6),
  order_id       varchar(36),
  version        bigint        not null,
  constraint uq_campaign_offer_customer unique (campaign_id, customer_email),
  constraint ck_campaign_offer_status check (status in ('OPEN', 'ACCEPTED', 'EXPIRED')),
  constraint fk_campaign_offer_campaign foreign key (campaign_id) references campaign (id),
  constraint fk_campaign_offer_order foreign key (order_id) references customer_order (id)
);
create index ix_campaign_offer_customer on campaign_offer (customer_email, status);
create index ix_campaign_offer_batch on campaign_offer (campaign_id, batch_no);

-- A mail to a customer about something that is not an order (a campaign offer): the address it goes to.
alter table notification add column recipient varchar(254) null;
