-- One table for the gap-free counters of every numbering series (VAT invoices, credit notes, RMAs, purchase orders)
-- instead of one table per series; the counts reached so far are carried over.
create table document_counter (
  series       varchar(8) not null,
  counter_year int        not null,
  last_no      int        not null default 0,
  primary key (series, counter_year),
  constraint ck_document_counter_last_no check (last_no >= 0 and last_no <= 999999)
);

insert into document_counter (series, counter_year, last_no) select 'VAT', invoice_year, last_no from invoice_sequence;
insert into document_counter (series, counter_year, last_no) select 'CN', credit_note_year, last_no from credit_note_sequence;
insert into document_counter (series, counter_year, last_no) select 'RMA', rma_year, last_no from rma_sequence;
insert into document_counter (series, counter_year, last_no) select 'PO', po_year, last_no from po_sequence;

drop table invoice_sequence;
drop table credit_note_sequence;
drop table rma_sequence;
drop table po_sequence;
