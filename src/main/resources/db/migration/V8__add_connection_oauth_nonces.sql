-- The one-time nonce of each side's pending OAuth2 consent: set by authorize, taken by the first callback that shows
-- it, so a consent state cannot be used twice, nor once a newer consent was started.
alter table connection add column oauth_nonce_ledger varchar(64);
alter table connection add column oauth_nonce_source varchar(64);
