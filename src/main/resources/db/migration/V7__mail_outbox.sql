-- The mailer sends the notification outbox as e-mails.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MySQL mode). Timestamps are UTC.
--
-- A sender claims a row before it sends it: a conditional update sets claim_token and claimed_until (the lease) only
-- while nobody else holds an unexpired claim, so two application instances never send the same row. A claim whose
-- lease ran out (the sender crashed mid-send) may be taken again. Every claim counts an attempt; a failed attempt
-- records its error and the time of the next one (backoff); after the last attempt failed_at marks the row as given up.

-- The reason or answer that came with the step, apart from the summary (the customer's mail shows it as it is).
alter table notification add column detail varchar(1000) null;
alter table notification add column attempts int not null default 0;
alter table notification add column claim_token varchar(64) null;
alter table notification add column claimed_until timestamp(6) null;
alter table notification add column next_attempt_at timestamp(6) null;
alter table notification add column last_error varchar(500) null;
alter table notification add column failed_at timestamp(6) null;

-- The sender's poll: unsent, not given up, due.
create index ix_notification_unsent on notification (sent_at, failed_at, next_attempt_at);
