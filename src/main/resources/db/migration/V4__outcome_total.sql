-- Experiment results read the outcomes of one experiment: on 10 million decisions (bench/scale.sh) the
-- 1 million outcomes of lr-gentle took 0.90 s to sum (a parallel scan of outcome; through the
-- covering index outcome_experiment 4.0 s), and the cost grows with every outcome posted. The results
-- read these running totals instead: a handful of rows, however many outcomes there are.

-- One row per experiment, variant and metric of the outcomes that count in results (those with an
-- experiment: not forced, see V3): how many there are, the sum of their values and of their squares,
-- from which the results take the mean and the sample variance. The outcome writer changes it in the
-- same transaction as the outcome (add, or replace an earlier value), the retention pass subtracts
-- what it deletes in the same transaction as the delete.
--
-- Exact decimals, so that a subtraction undoes its addition to the last digit and the variance
-- (squares minus the square of the sum) loses nothing to cancellation. numeric(1000, 300): H2's
-- numeric without a scale has scale 0, and 700 integer digits hold the square of any double times a
-- billion outcomes. Every statement turns a value into its share the same way, with the
-- database's own cast: cast(v as outcome_share), and that squared cast back to outcome_share
-- (values below about 1e-135 lose digits of their square, the same digits whenever they are added
-- or taken away). The domain names the type once, here, for the service's statements too.
create domain outcome_share as numeric(1000, 300);

create table outcome_total (
    experiment_id varchar(100) not null,
    variant varchar(100) not null,
    metric varchar(64) not null,
    outcomes bigint not null,
    value_sum outcome_share not null,
    square_sum outcome_share not null,
    primary key (experiment_id, variant, metric)
);

insert into outcome_total (experiment_id, variant, metric, outcomes, value_sum, square_sum)
select experiment_id, variant, metric, count(*),
       sum(cast(metric_value as outcome_share)),
       sum(cast(cast(metric_value as outcome_share) * cast(metric_value as outcome_share) as outcome_share))
from outcome
where experiment_id is not null
group by experiment_id, variant, metric;

-- Only the results read outcomes by experiment, and they read the totals now; the index would only
-- cost every outcome write.
drop index outcome_experiment;
