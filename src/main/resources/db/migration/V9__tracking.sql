-- Courier tracking: every carrier event type, the ETA the carrier last announced, why a delivery failed, and when
-- the courier is planned to collect the parcel. One statement per column: MySQL 8, MariaDB 10.11 and H2 (MySQL mode)
-- all read it the same way.

-- The carrier's event "PICKED_UP" is called COLLECTED from now on.
update tracking_event set event_type = 'COLLECTED' where event_type = 'PICKED_UP';

alter table tracking_event add column estimated_delivery timestamp(6) null;
alter table tracking_event add column reason varchar(200) null;
alter table tracking_event add constraint ck_tracking_event_type
  check (event_type in ('COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'DAMAGED'));

-- status_since: when the event that set the status happened (out-of-order events never move the status back);
-- eta_reported_at: when the event that announced the ETA happened (the latest announcement wins).
alter table shipment add column status_since timestamp(6) null;
alter table shipment add column estimated_delivery timestamp(6) null;
alter table shipment add column eta_reported_at timestamp(6) null;
alter table shipment add column collection_planned_at timestamp(6) null;
alter table shipment add constraint ck_shipment_status
  check (status in ('BOOKED', 'COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED', 'DAMAGED',
                    'DELIVERED'));
