/**
 * The decision log: every recommendation, enrolled in an experiment or not, recorded with
 * its request, the guide revision that answered, the experiment arm and the answer, so a
 * decision can be replayed and audited. Decisions reach the database (H2 by default,
 * PostgreSQL when configured) through a bounded queue and one writer thread that commits
 * them in batches; in acknowledged mode (the default) a recommendation is answered only
 * once its batch has committed, in async mode at once. This module also stores outcomes,
 * deletes decisions past their retention and answers the experiments' results queries,
 * implementing interfaces that {@code experiment} and {@code recommend} declare.
 */
package dev.loraguide.decisionlog;
