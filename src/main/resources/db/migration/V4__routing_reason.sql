-- Why the order's goods come from the warehouse(s) they come from, as the routing decided it.
alter table customer_order add column routing_reason varchar(1000);
