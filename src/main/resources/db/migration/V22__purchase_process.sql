-- The purchase path of processes/replenishment.bpmn: the purchase order remembers its process instance, the supplier is
-- reminded once per expected delivery date, a goods receipt keeps the supplier's delivery note apart from its
-- reference (which the process makes unique per receive task), and departments get mails about a purchase order that
-- is not a customer order.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.

-- The replenishment process instance that drives the purchase order (null for one proposed outside a process).
alter table purchase_order add column process_instance_key bigint null;
-- The expected delivery date the supplier was last reminded of: one reminder per expected date.
alter table purchase_order add column reminded_for date null;

-- The supplier's delivery note as the warehouse typed it; delivery_reference stays the key that makes a repeat a no-op.
alter table goods_receipt add column delivery_note varchar(80) null;

-- Reminders the simulated supplier port "sent": once per purchase order and expected date.
create table supplier_reminder (
  id                bigint        not null auto_increment primary key,
  purchase_order_id varchar(36)   not null,
  expected_date     date          not null,
  supplier_email    varchar(200)  not null,
  document          text          not null,
  sent_at           timestamp(6)  not null,
  constraint uq_supplier_reminder unique (purchase_order_id, expected_date),
  constraint fk_supplier_reminder_order foreign key (purchase_order_id) references purchase_order (id)
);

-- A department notification about a purchase order (or another business document) instead of a customer order:
-- reference names it (PO-2026-000123); once per reference, audience, topic and dedup key, like the order's.
alter table notification modify order_id varchar(36) null;
alter table notification add column reference varchar(40) null;
alter table notification add constraint uq_notification_reference unique (reference, audience, topic, dedup_key);
alter table notification add constraint ck_notification_about check (order_id is not null or reference is not null);
