package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.CreateRunRequest;
import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.Page;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.StoreConfig;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.ViewType;
import dev.kiln.tracking.experiment.Experiment;
import dev.kiln.tracking.experiment.Experiments;
import dev.kiln.tracking.internal.search.SqlFragment;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link TrackingStore} over JDBC (SQLite or PostgreSQL); each call is one transaction. */
public final class JdbcTrackingStore extends JdbcRegistryStore implements TrackingStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTrackingStore.class);
  private final Database db;
  private final Liveness liveness;
  private final ExperimentRepo experiments;
  private final RunRepo runs = new RunRepo();
  private final RunLogRepo logs = new RunLogRepo();

  /** Opens the database, applies pending migrations and starts the heartbeat. */
  public JdbcTrackingStore(StoreConfig config) {
    this(new Database(config), config);
  }

  private JdbcTrackingStore(Database db, StoreConfig config) {
    super(db);
    this.db = db;
    this.liveness = new Liveness(db, config.heartbeatInterval(), config.staleAfter());
    this.experiments = new ExperimentRepo(config.artifactRoot());
    if (!db.inTransaction(experiments::createDefault)) {
      LOG.warn("An experiment named '{}' with another id exists, so MLflow's default experiment"
          + " (id {}) cannot be created and MLflow clients that set no experiment will fail."
          + " Rename that experiment and reopen the store.", Experiments.DEFAULT_NAME,
          Experiments.DEFAULT_ID);
    }
  }

  @Override
  public Experiment createExperiment(String name, Map<String, String> tags) {
    return db.inTransaction(c -> experiments.create(c, name, tags));
  }

  @Override
  public Experiment getExperiment(String id) {
    return db.inTransaction(c -> experiments.get(c, id));
  }

  @Override
  public Experiment getExperimentByName(String name) {
    return db.inTransaction(c -> experiments.getByName(c, name));
  }

  @Override
  public void updateExperiment(String id, String newName) {
    db.run(c -> experiments.rename(c, id, newName));
  }

  @Override
  public void deleteExperiment(String id) {
    db.run(c -> experiments.setDeleted(c, id, true));
  }

  @Override
  public void restoreExperiment(String id) {
    db.run(c -> experiments.setDeleted(c, id, false));
  }

  @Override
  public void setExperimentTag(String id, String key, String value) {
    db.run(c -> experiments.setTag(c, id, key, value));
  }

  @Override
  public void deleteExperimentTag(String id, String key) {
    db.run(c -> experiments.deleteTag(c, id, key));
  }

  @Override
  public Page<Experiment> searchExperiments(SearchRequest request, ViewType view) {
    SqlFragment where = Schemas.EXPERIMENTS.where(request.filter());
    SqlFragment order = Schemas.EXPERIMENTS.orderBy(request.orderBy(), "e.id DESC");
    return Paging.page(request, db.inTransaction(c -> experiments.query(c,
        deleted("e", view) + " AND " + where.sql() + " ORDER BY " + order.sql()
            + Paging.limitClause(request), concat(where.args(), order.args()))));
  }

  @Override
  public Run createRun(CreateRunRequest request) {
    Run run = db.inTransaction(c -> {
      if (experiments.get(c, request.experimentId()).deleted()) {
        throw new InvalidParameterException("Experiment '" + request.experimentId()
            + "' is deleted.", "Record runs under an active experiment.");
      }
      String id = runs.create(c, request, liveness.self());
      return runs.get(c, id);
    });
    liveness.own(run.id());
    return run;
  }

  @Override
  public Run getRun(String runId) {
    return db.inTransaction(c -> {
      liveness.reap(c, "r.id = ?", List.of(runId));
      return runs.get(c, runId);
    });
  }

  @Override
  public Run updateRun(String runId, RunStatus status, long endTime) {
    Run run = db.inTransaction(c -> {
      runs.end(c, runId, status, endTime);
      return runs.get(c, runId);
    });
    liveness.release(runId);
    return run;
  }

  @Override
  public void deleteRun(String runId) {
    db.run(c -> runs.setDeleted(c, runId, true));
  }

  @Override
  public void restoreRun(String runId) {
    db.run(c -> runs.setDeleted(c, runId, false));
  }

  @Override
  public Page<Run> searchRuns(List<String> experimentIds, SearchRequest request, ViewType view) {
    if (experimentIds.isEmpty()) {
      throw new InvalidParameterException("searchRuns needs at least one experiment id.",
          "Pass the ids of the experiments to search.");
    }
    String scope = "r.experiment_id IN (" + String.join(", ",
        Collections.nCopies(experimentIds.size(), "?")) + ")";
    SqlFragment where = Schemas.RUNS.where(request.filter());
    SqlFragment order = Schemas.RUNS.orderBy(request.orderBy(), "r.start_time DESC, r.id");
    List<Object> args = concat(concat(List.copyOf(experimentIds), where.args()), order.args());
    return Paging.page(request, db.inTransaction(c -> {
      liveness.reap(c, scope, List.copyOf(experimentIds));
      return runs.query(c, scope + " AND " + deleted("r", view) + " AND " + where.sql()
          + " ORDER BY " + order.sql() + Paging.limitClause(request), args);
    }));
  }

  private static String deleted(String alias, ViewType view) {
    return switch (view) {
      case ACTIVE_ONLY -> alias + ".deleted = 0";
      case DELETED_ONLY -> alias + ".deleted = 1";
      case ALL -> "1=1";
    };
  }

  @Override
  public void logBatch(String runId, LogBatch batch) {
    db.run(c -> {
      logs.log(c, runId, batch, runs);
      String name = batch.tags().get(RunRepo.RUN_NAME_TAG);
      if (name != null && !name.isBlank()) {
        runs.rename(c, runId, name);
      }
    });
  }

  @Override
  public Run renameRun(String runId, String name) {
    return db.inTransaction(c -> {
      runs.rename(c, runId, name);
      return runs.get(c, runId);
    });
  }

  @Override
  public void deleteRunTag(String runId, String key) {
    db.run(c -> runs.deleteTag(c, runId, key));
  }

  @Override
  public void logInputs(String runId, List<DatasetInput> inputs) {
    db.run(c -> {
      runs.requireActive(c, runId);
      logs.logInputs(c, runId, inputs);
    });
  }

  @Override
  public List<Metric> getMetricHistory(String runId, String key) {
    return db.inTransaction(c -> {
      runs.requireExists(c, runId);
      return logs.history(c, runId, key);
    });
  }

  @Override
  public void close() {
    liveness.close();
    db.close();
  }
}
