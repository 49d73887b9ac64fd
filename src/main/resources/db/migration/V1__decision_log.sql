-- The decision log (package dev.loraguide.decisionlog): one row per recommendation, and the outcomes
-- posted for them. Plain SQL that runs unchanged on H2 (the default, a file under data/) and on
-- PostgreSQL; the JSON columns are text so that both read them the same way.

create table decision_log (
    recommendation_id uuid primary key,
    made_at timestamp with time zone not null,
    actor_id varchar(200),
    guide_id varchar(200) not null,
    guide_revision varchar(64) not null,
    experiment_id varchar(100),
    variant varchar(100),
    forced_variant boolean not null,
    request_json varchar not null,
    answer_json varchar not null
);

-- Results read one experiment at a time, grouped by variant.
create index decision_log_experiment on decision_log (experiment_id, variant);

create table outcome (
    recommendation_id uuid not null references decision_log (recommendation_id),
    metric varchar(64) not null,
    metric_value double precision not null,
    recorded_at timestamp with time zone not null,
    primary key (recommendation_id, metric)
);
