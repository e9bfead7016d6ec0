-- A reorder policy may order by days of cover instead of a fixed quantity: when stock falls below the reorder point,
-- order enough to be back at the reorder point plus the recent daily sales times the days of cover (at least the order
-- quantity, which then acts as the minimum order). Null keeps the fixed order quantity.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode).
alter table reorder_policy add column cover_days int null;
alter table reorder_policy add constraint ck_reorder_policy_cover_days
  check (cover_days is null or (cover_days >= 1 and cover_days <= 365));
