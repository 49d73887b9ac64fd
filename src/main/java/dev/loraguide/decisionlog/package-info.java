/**
 * The decision log: every recommendation, enrolled in an experiment or not, recorded with
 * its request, the guide revision that answered, the experiment arm and the answer, so a
 * decision can be replayed and audited. Decisions reach the database (H2 by default,
 * PostgreSQL when configured) through a bounded queue and one writer thread, off the
 * request path. This module also stores outcomes and answers the experiments' results
 * queries, implementing interfaces that {@code experiment} declares.
 */
package dev.loraguide.decisionlog;
