-- The language the customer chose at checkout for their e-mails (ISO 639-1: en, es, pl, bg). Orders placed before
-- the choice existed get English, which is what they were mailed in.
alter table customer_order add column customer_language varchar(8) not null default 'en';
