package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.AliasMove;
import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.Experiment;
import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.Page;
import dev.kiln.tracking.RegisteredModel;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.StoreConfig;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.internal.search.SqlFragment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A {@link TrackingStore} over JDBC (SQLite or PostgreSQL); each call is one transaction. */
public final class JdbcTrackingStore implements TrackingStore {
  private final Database db;
  private final Liveness liveness;
  private final ExperimentRepo experiments;
  private final RunRepo runs = new RunRepo();
  private final RunLogRepo logs = new RunLogRepo();
  private final RegistryRepo registry = new RegistryRepo();
  private final AliasRepo aliases = new AliasRepo(registry);

  /** Opens the database, applies pending migrations and starts the heartbeat. */
  public JdbcTrackingStore(StoreConfig config) {
    this.db = new Database(config);
    this.liveness = new Liveness(db, config.heartbeatInterval(), config.staleAfter());
    this.experiments = new ExperimentRepo(config.artifactRoot());
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
  public void deleteExperiment(String id) {
    db.inTransaction(c -> {
      experiments.delete(c, id);
      return null;
    });
  }

  @Override
  public Page<Experiment> searchExperiments(SearchRequest request) {
    SqlFragment where = Schemas.EXPERIMENTS.where(request.filter());
    SqlFragment order = Schemas.EXPERIMENTS.orderBy(request.orderBy(), "e.id DESC");
    return Paging.page(request, db.inTransaction(c -> experiments.query(c,
        "e.deleted = 0 AND " + where.sql() + " ORDER BY " + order.sql() + Paging.limitClause(request),
        concat(where.args(), order.args()))));
  }

  @Override
  public Run createRun(String experimentId, String name, Map<String, String> tags) {
    Run run = db.inTransaction(c -> {
      if (experiments.get(c, experimentId).deleted()) {
        throw new InvalidParameterException("Experiment '" + experimentId + "' is deleted.",
            "Record runs under an active experiment.");
      }
      String id = runs.create(c, new RunRepo.NewRun(experimentId, name, tags, liveness.self()));
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
    db.inTransaction(c -> {
      runs.delete(c, runId);
      return null;
    });
    liveness.release(runId);
  }

  @Override
  public Page<Run> searchRuns(List<String> experimentIds, SearchRequest request) {
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
      return runs.query(c, scope + " AND " + where.sql() + " ORDER BY " + order.sql()
          + Paging.limitClause(request), args);
    }));
  }

  @Override
  public void logBatch(String runId, LogBatch batch) {
    db.inTransaction(c -> {
      runs.requireExists(c, runId);
      logs.log(c, runId, batch);
      return null;
    });
  }

  @Override
  public void logInputs(String runId, List<DatasetInput> inputs) {
    db.inTransaction(c -> {
      runs.requireExists(c, runId);
      logs.logInputs(c, runId, inputs);
      return null;
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
  public RegisteredModel createRegisteredModel(String name, String description,
      Map<String, String> tags) {
    return db.inTransaction(c -> registry.create(c, name, description, tags));
  }

  @Override
  public RegisteredModel getRegisteredModel(String name) {
    return db.inTransaction(c -> registry.get(c, name));
  }

  @Override
  public void deleteRegisteredModel(String name) {
    db.inTransaction(c -> {
      registry.delete(c, name);
      return null;
    });
  }

  @Override
  public Page<RegisteredModel> searchRegisteredModels(SearchRequest request) {
    SqlFragment where = Schemas.MODELS.where(request.filter());
    SqlFragment order = Schemas.MODELS.orderBy(request.orderBy(), "m.name");
    return Paging.page(request, db.inTransaction(c -> registry.query(c,
        where.sql() + " ORDER BY " + order.sql() + Paging.limitClause(request),
        concat(where.args(), order.args()))));
  }

  @Override
  public ModelVersion createModelVersion(String name, String source, String runId,
      Map<String, String> tags) {
    ModelVersion draft = new ModelVersion(name, 0, source, runId, "", "READY",
        System.currentTimeMillis(), tags);
    return db.inTransaction(c -> registry.createVersion(c, draft));
  }

  @Override
  public ModelVersion getModelVersion(String name, long version) {
    return db.inTransaction(c -> registry.getVersion(c, name, version));
  }

  @Override
  public List<ModelVersion> searchModelVersions(String name) {
    return db.inTransaction(c -> {
      registry.get(c, name);
      return registry.versions(c, "name = ?", name);
    });
  }

  @Override
  public void updateAlias(String name, String alias, long version) {
    db.inTransaction(c -> {
      aliases.move(c, name, alias, version);
      return null;
    });
  }

  @Override
  public void deleteAlias(String name, String alias) {
    db.inTransaction(c -> {
      aliases.move(c, name, alias, -1);
      return null;
    });
  }

  @Override
  public ModelVersion getModelVersionByAlias(String name, String alias) {
    return db.inTransaction(c -> aliases.resolve(c, name, alias));
  }

  @Override
  public List<AliasMove> getAliasHistory(String name, String alias) {
    return db.inTransaction(c -> aliases.history(c, name, alias));
  }

  @Override
  public ModelVersion rollbackAlias(String name, String alias) {
    return db.inTransaction(c -> aliases.rollback(c, name, alias));
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Override
  public void close() {
    liveness.close();
    db.close();
  }
}
