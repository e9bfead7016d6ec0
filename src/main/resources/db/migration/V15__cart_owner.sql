-- The user who created the cart (the signed-in customer, or customer service for them); only they may use it.
alter table cart add column owner varchar(100);
