-- Times in a row a job was told to wait (a rate budget, another job's claim) without spending an attempt; the engine
-- bounds it, so waiting cannot go on for ever.
alter table job add column postponements integer not null default 0;
