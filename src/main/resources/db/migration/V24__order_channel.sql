-- Where an order came from: the customer came on their own (the web shop, a marketplace, a search engine, a referral
-- from a community or rating site) or accepted a campaign offer the shop sent (supplier-initiated). Every order runs
-- the same process; the channel is for analytics (revenue per channel, campaign results).
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode).
alter table customer_order add column channel varchar(20) default 'WEB_SHOP' not null;
alter table customer_order add constraint ck_customer_order_channel
  check (channel in ('WEB_SHOP', 'MARKETPLACE', 'SEARCH', 'REFERRAL', 'CAMPAIGN'));
create index ix_customer_order_channel_placed on customer_order (channel, placed_at);
