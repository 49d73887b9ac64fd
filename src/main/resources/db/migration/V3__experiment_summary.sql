-- Experiment results read one experiment at a time. Counting distinct actors and summing outcomes
-- over the decision log itself reads every decision of the experiment: on 10 million rows
-- (bench/scale.sh) one experiment's 3 million decisions took 66-83 s. The results read these instead.

-- One row per experiment, variant and actor the hash assigned (forced actors left out), with the
-- number of their decisions still in the log. The decision-log writer adds to it in the same
-- transaction as the decisions, the retention pass subtracts what it deletes, so the results read one
-- row per actor, not one per decision.
create table exposure (
    experiment_id varchar(100) not null,
    variant varchar(100) not null,
    actor_id varchar(200) not null,
    decisions bigint not null,
    primary key (experiment_id, variant, actor_id)
);

insert into exposure (experiment_id, variant, actor_id, decisions)
select experiment_id, variant, actor_id, count(*)
from decision_log
where experiment_id is not null and forced_variant = false and actor_id is not null
group by experiment_id, variant, actor_id;

-- An outcome carries the experiment and variant of its decision (null when it was in none, or the
-- variant was forced), so that one experiment's outcomes are read from this index alone.
alter table outcome add column experiment_id varchar(100);
alter table outcome add column variant varchar(100);

update outcome set
    experiment_id = (select d.experiment_id from decision_log d
                     where d.recommendation_id = outcome.recommendation_id and d.forced_variant = false),
    variant = (select d.variant from decision_log d
               where d.recommendation_id = outcome.recommendation_id and d.forced_variant = false);

create index outcome_experiment on outcome (experiment_id, variant, metric, metric_value);
