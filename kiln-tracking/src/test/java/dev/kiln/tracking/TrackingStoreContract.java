package dev.kiln.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.tracking.experiment.Experiment;
import dev.kiln.tracking.internal.Params;
import dev.kiln.tracking.registry.AliasMove;
import dev.kiln.tracking.registry.RegisteredModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every tracking store back end must share; subclasses supply the database. */
abstract class TrackingStoreContract {
  protected TrackingStore store;

  /** Returns a config for a fresh, empty database. */
  protected abstract StoreConfig freshDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = TrackingStores.open(freshDatabase());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void createExperiment_duplicateName_throwsAlreadyExists() {
    Experiment e = store.createExperiment("fraud", Map.of("team", "risk"));
    assertThat(store.getExperimentByName("fraud")).isEqualTo(e);
    assertThat(e.tags()).containsEntry("team", "risk");
    assertThatThrownBy(() -> store.createExperiment("fraud", Map.of()))
        .isInstanceOf(ResourceAlreadyExistsException.class)
        .hasMessageContaining("'fraud' already exists")
        .extracting(t -> ((TrackingException) t).errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
    assertThatThrownBy(() -> store.getExperiment("nope"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void defaultExperiment_existsAsMlflowCreatesIt_andTakesRuns() {
    Experiment byId = store.getExperiment("0");
    assertThat(byId.name()).isEqualTo("Default");
    assertThat(byId.deleted()).isFalse();
    assertThat(byId.artifactLocation()).endsWith("/0");
    assertThat(store.getExperimentByName("Default")).isEqualTo(byId);
    Run run = store.createRun("0", null, Map.of());
    assertThat(store.searchRuns(List.of("0"), SearchRequest.of(""), ViewType.ACTIVE_ONLY)
        .items()).extracting(Run::id).containsExactly(run.id());
    assertThat(store.searchExperiments(SearchRequest.of("name = 'Default'"),
        ViewType.ACTIVE_ONLY).items()).extracting(Experiment::id).containsExactly("0");
  }

  @Test
  void defaultExperiment_deleted_isNotRecreatedOnReopen() {
    store.deleteExperiment("0");
    store.close();
    store = TrackingStores.open(freshConfigOfCurrent());
    assertThat(store.getExperiment("0").deleted()).isTrue();
    assertThat(store.searchExperiments(SearchRequest.of(""), ViewType.ALL).items())
        .extracting(Experiment::name).containsOnlyOnce("Default");
  }

  @Test
  void logBatch_paramsMetricsTags_readBackWithHistory() {
    Run run = newRun();
    store.logBatch(run.id(), LogBatch.params(Params.flatten(Map.of("model", Map.of("depth", 6)))));
    store.logBatch(run.id(), LogBatch.metrics(new Metric("loss", 0.9, 10, 0),
        new Metric("loss", 0.5, 20, 1), new Metric("loss", Double.NaN, 5, 2)));
    store.logBatch(run.id(), LogBatch.tags(Map.of("phase", "a")));
    store.logBatch(run.id(), LogBatch.tags(Map.of("phase", "b")));
    store.logInputs(run.id(), List.of(new DatasetInput("train", "data/train.csv", "v1", "ab12",
        100, "{\"x\":\"double\"}")));

    Run read = store.getRun(run.id());
    assertThat(read.params()).containsExactlyEntriesOf(Map.of("model.depth", "6"));
    assertThat(read.tags()).containsEntry("phase", "b");
    assertThat(read.metrics().get("loss").step()).isEqualTo(2);
    assertThat(read.metrics().get("loss").value()).isNaN();
    assertThat(read.inputs()).singleElement().extracting(DatasetInput::contentHash).isEqualTo("ab12");
    assertThat(store.getMetricHistory(run.id(), "loss")).extracting(Metric::value)
        .containsExactly(0.9, 0.5, Double.NaN);
  }

  @Test
  void logBatch_paramRewrittenWithOtherValue_throwsAndKeepsFirst() {
    Run run = newRun();
    store.logBatch(run.id(), LogBatch.params(Map.of("lr", "0.1")));
    store.logBatch(run.id(), LogBatch.params(Map.of("lr", "0.1")));
    assertThatThrownBy(() -> store.logBatch(run.id(),
        new LogBatch(List.of(Metric.of("m", 1)), Map.of("lr", "0.2"), Map.of())))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("write-once");
    Run read = store.getRun(run.id());
    assertThat(read.params()).containsEntry("lr", "0.1");
    assertThat(read.metrics()).as("batch rolled back as a whole").isEmpty();
  }

  @Test
  void updateRun_finished_recordsEndAndRejectsSecondEnd() {
    Run run = newRun();
    Run ended = store.updateRun(run.id(), RunStatus.FINISHED, 1234);
    assertThat(ended.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(ended.end()).hasValue(1234);
    assertThatThrownBy(() -> store.updateRun(run.id(), RunStatus.FAILED, 99))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("already ended");
  }

  @Test
  void searchRuns_filterOrderAndPages_matchesMlflowSemantics() {
    String exp = store.createExperiment("search", Map.of()).id();
    for (int i = 0; i < 5; i++) {
      Run r = store.createRun(exp, "r" + i, Map.of("kind", i % 2 == 0 ? "even" : "odd"));
      store.logBatch(r.id(), new LogBatch(List.of(Metric.of("rmse", i)),
          Map.of("model", "xgb"), Map.of()));
    }
    SearchRequest req = new SearchRequest(
        "metrics.rmse < 4 AND params.model = 'xgb' AND tags.`kind` = 'even' AND status = 'RUNNING'",
        1, List.of("metrics.rmse DESC"), null);
    Page<Run> first = store.searchRuns(List.of(exp), req, ViewType.ACTIVE_ONLY);
    assertThat(first.items()).extracting(Run::name).containsExactly("r2");
    Page<Run> second = store.searchRuns(List.of(exp),
        new SearchRequest(req.filter(), 1, req.orderBy(), first.nextPageToken()),
        ViewType.ACTIVE_ONLY);
    assertThat(second.items()).extracting(Run::name).containsExactly("r0");
    assertThat(second.next()).isEmpty();
    assertThat(store.searchRuns(List.of(exp),
        SearchRequest.of("run_name LIKE 'R%'"), ViewType.ACTIVE_ONLY).items())
        .as("LIKE is case-sensitive").isEmpty();
    assertThat(store.searchRuns(List.of(exp),
        SearchRequest.of("run_name ILIKE 'R%'"), ViewType.ACTIVE_ONLY).items())
        .hasSize(5);
  }

  @Test
  void searchRuns_badFilter_throwsWithHint() {
    String exp = store.createExperiment("bad", Map.of()).id();
    assertThatThrownBy(() -> store.searchRuns(List.of(exp),
        SearchRequest.of("metrics.x < 'a'"), ViewType.ACTIVE_ONLY))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("wrong type");
    assertThatThrownBy(() -> store.searchRuns(List.of(exp),
        SearchRequest.of("a = 'x' OR b = 'y'"), ViewType.ACTIVE_ONLY))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("expected 'AND'");
    assertThatThrownBy(() -> store.searchRuns(List.of(exp),
        SearchRequest.of("colour = 'x'"), ViewType.ACTIVE_ONLY))
        .hasMessageContaining("Unknown search field 'attributes.colour'");
  }

  @Test
  void experiments_renameTagDeleteRestore_followMlflowLifecycle() {
    Experiment e = store.createExperiment("a", Map.of());
    store.createExperiment("taken", Map.of());
    store.updateExperiment(e.id(), "b");
    assertThat(store.getExperiment(e.id()).name()).isEqualTo("b");
    assertThatThrownBy(() -> store.updateExperiment(e.id(), "taken"))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    store.setExperimentTag(e.id(), "team", "risk");
    store.setExperimentTag(e.id(), "team", "fraud");
    assertThat(store.getExperiment(e.id()).tags()).containsExactlyEntriesOf(Map.of("team", "fraud"));
    store.deleteExperimentTag(e.id(), "team");
    assertThatThrownBy(() -> store.deleteExperimentTag(e.id(), "team"))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no tag 'team'");

    store.deleteExperiment(e.id());
    assertThat(names(ViewType.ACTIVE_ONLY)).containsExactlyInAnyOrder("taken", "Default");
    assertThat(names(ViewType.DELETED_ONLY)).containsExactly("b");
    assertThatThrownBy(() -> store.updateExperiment(e.id(), "c"))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("is deleted");
    store.restoreExperiment(e.id());
    assertThat(names(ViewType.ALL)).containsExactlyInAnyOrder("b", "taken", "Default");
    assertThat(store.searchExperiments(SearchRequest.of("name = 'b'"), ViewType.ACTIVE_ONLY)
        .items()).extracting(Experiment::id).containsExactly(e.id());
  }

  private List<String> names(ViewType view) {
    return store.searchExperiments(SearchRequest.of(""), view).items().stream()
        .map(Experiment::name).toList();
  }

  @Test
  void runs_deleteRestoreAndDeleteTag_softDeleteAsMlflow() {
    Run run = newRun();
    store.logBatch(run.id(), LogBatch.tags(Map.of("a", "1", "b", "2")));
    store.deleteRunTag(run.id(), "a");
    assertThat(store.getRun(run.id()).tags()).containsOnlyKeys("b", "mlflow.runName");
    assertThatThrownBy(() -> store.deleteRunTag(run.id(), "a"))
        .isInstanceOf(ResourceNotFoundException.class);

    store.deleteRun(run.id());
    assertThat(store.getRun(run.id()).deleted()).isTrue();
    List<String> exp = List.of(run.experimentId());
    assertThat(store.searchRuns(exp, SearchRequest.of(""), ViewType.ACTIVE_ONLY).items()).isEmpty();
    assertThat(store.searchRuns(exp, SearchRequest.of(""), ViewType.DELETED_ONLY).items())
        .extracting(Run::id).containsExactly(run.id());
    assertThatThrownBy(() -> store.logBatch(run.id(), LogBatch.tags(Map.of("c", "3"))))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("is deleted");
    store.restoreRun(run.id());
    assertThat(store.searchRuns(exp, SearchRequest.of(""), ViewType.ACTIVE_ONLY).items())
        .hasSize(1);
    assertThatThrownBy(() -> store.restoreRun("missing"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void logBatch_olderStepLoggedLater_keepsNewestAsLatest() {
    Run run = newRun();
    store.logBatch(run.id(), LogBatch.metrics(new Metric("auc", 0.8, 50, 5),
        new Metric("auc", 0.7, 60, 4), new Metric("acc", 0.1, 1, 0)));
    store.logBatch(run.id(), LogBatch.metrics(new Metric("auc", 0.6, 70, 3)));
    store.logBatch(run.id(), LogBatch.metrics(new Metric("auc", 0.9, 50, 5)));
    Run read = store.getRun(run.id());
    assertThat(read.metrics().get("auc").value()).isEqualTo(0.9);
    assertThat(read.metrics().get("acc").value()).isEqualTo(0.1);
    assertThat(store.getMetricHistory(run.id(), "auc")).hasSize(4);
  }

  @Test
  void aliases_moveHistoryAndRollback_areRecorded() {
    store.createRegisteredModel("fraud", "", Map.of());
    ModelVersion v1 = store.createModelVersion("fraud", "s3://b/1", null, Map.of());
    ModelVersion v2 = store.createModelVersion("fraud", "s3://b/2", null, Map.of("k", "v"));
    assertThat(v2.version()).isEqualTo(2);
    store.updateAlias("fraud", "champion", 1);
    store.updateAlias("fraud", "champion", 2);
    assertThat(store.getRegisteredModel("fraud").aliases()).containsEntry("champion", 2L);
    assertThat(store.rollbackAlias("fraud", "champion"))
        .extracting(ModelVersion::version, ModelVersion::aliases)
        .containsExactly(v1.version(), List.of("champion"));
    assertThat(store.getAliasHistory("fraud", "champion"))
        .extracting(AliasMove::fromVersion, AliasMove::toVersion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(-1L, 1L),
            org.assertj.core.groups.Tuple.tuple(1L, 2L), org.assertj.core.groups.Tuple.tuple(2L, 1L));
    store.deleteAlias("fraud", "champion");
    assertThatThrownBy(() -> store.getModelVersionByAlias("fraud", "champion"))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no alias 'champion'");
    assertThatThrownBy(() -> store.updateAlias("fraud", "champion", 7))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no version 7");
  }

  @Test
  void searchRegisteredModels_byNameLike_returnsMatches() {
    store.createRegisteredModel("fraud-xgb", "d", Map.of("owner", "risk"));
    store.createRegisteredModel("cars", "d", Map.of());
    assertThat(store.searchRegisteredModels(SearchRequest.of("name LIKE 'fraud%'")).items())
        .extracting(RegisteredModel::name).containsExactly("fraud-xgb");
    assertThat(store.searchRegisteredModels(SearchRequest.of("tags.owner = 'risk'")).items())
        .hasSize(1);
  }

  @Test
  void getRun_ownerStoppedHeartbeating_readsKilled() throws Exception {
    Run run = newRun();
    StoreConfig config = freshConfigOfCurrent();
    store.close();
    store = TrackingStores.open(config.withHeartbeat(Duration.ofMillis(50), Duration.ofMillis(200)));
    Thread.sleep(400);
    Run read = store.getRun(run.id());
    assertThat(read.status()).isEqualTo(RunStatus.KILLED);
    assertThat(read.end()).isPresent();
  }

  @Test
  void logBatch_concurrentThreadsOnDifferentRuns_keepsEveryMetric() throws Exception {
    String exp = store.createExperiment("concurrent", Map.of()).id();
    int threads = 4;
    int perThread = 40;
    List<Run> runs = new java.util.ArrayList<>();
    for (int i = 0; i < threads; i++) {
      runs.add(store.createRun(exp, "t" + i, Map.of()));
    }
    List<Thread> workers = new java.util.ArrayList<>();
    java.util.Queue<Throwable> errors = new java.util.concurrent.ConcurrentLinkedQueue<>();
    for (Run r : runs) {
      Thread t = new Thread(() -> {
        try {
          for (int s = 0; s < perThread; s++) {
            store.logBatch(r.id(), LogBatch.metrics(new Metric("loss", s, s, s)));
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join();
    }
    assertThat(errors).isEmpty();
    for (Run r : runs) {
      assertThat(store.getMetricHistory(r.id(), "loss")).hasSize(perThread);
      assertThat(store.getRun(r.id()).metrics().get("loss").step()).isEqualTo(perThread - 1);
    }
  }

  /** Returns the config of the database the current store uses. */
  protected abstract StoreConfig freshConfigOfCurrent();

  private Run newRun() {
    String exp = store.createExperiment("exp-" + System.nanoTime(), Map.of()).id();
    return store.createRun(exp, null, Map.of());
  }
}
