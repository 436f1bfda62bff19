package dev.kiln.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kiln.tracking.registry.ModelStage;
import dev.kiln.tracking.registry.RegisteredModel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Registry behaviour and MLflow's run attributes every store back end must share, on top of
 * {@link TrackingStoreContract}.
 */
abstract class RegistryStoreContract extends TrackingStoreContract {
  @Test
  void createRun_withStartTimeAndUser_storesReturnsAndSearchesThem() {
    String exp = store.createExperiment("users", Map.of()).id();
    Run alice = store.createRun(new CreateRunRequest(exp, "a", Map.of(), 1_717_171_717_171L,
        "alice"));
    assertThat(store.getRun(alice.id())).extracting(Run::startTime, Run::userId)
        .containsExactly(1_717_171_717_171L, "alice");
    Run unknown = store.createRun(exp, "b", Map.of());
    assertThat(unknown.userId()).isNull();
    assertThat(unknown.startTime()).isGreaterThan(1_717_171_717_171L);
    assertThat(store.searchRuns(List.of(exp), SearchRequest.of("attributes.user_id = 'alice'"),
        ViewType.ACTIVE_ONLY).items()).extracting(Run::id).containsExactly(alice.id());
    assertThatThrownBy(() -> new CreateRunRequest(exp, null, Map.of(), -5L, null))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("start_time -5");
  }

  @Test
  void runName_isMirroredInTheMlflowRunNameTag_asMlflowDoes() {
    String exp = store.createExperiment("names", Map.of()).id();
    Run named = store.createRun(exp, "bold-fox", Map.of());
    assertThat(named.tags()).containsEntry("mlflow.runName", "bold-fox");
    assertThat(store.createRun(exp, null, Map.of("mlflow.runName", "from-tag")).name())
        .isEqualTo("from-tag");
    assertThatThrownBy(() -> store.createRun(exp, "a", Map.of("mlflow.runName", "b")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("different values");
    assertThat(store.renameRun(named.id(), "calm-owl"))
        .extracting(Run::name, r -> r.tags().get("mlflow.runName"))
        .containsExactly("calm-owl", "calm-owl");
    store.logBatch(named.id(), LogBatch.tags(Map.of("mlflow.runName", "by-tag")));
    assertThat(store.getRun(named.id()).name()).isEqualTo("by-tag");
    assertThat(store.searchRuns(List.of(exp), SearchRequest.of(
        "tags.`mlflow.runName` = 'by-tag'"), ViewType.ACTIVE_ONLY).items())
        .extracting(Run::id).containsExactly(named.id());
    store.deleteRun(named.id());
    assertThatThrownBy(() -> store.renameRun(named.id(), "x"))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void databaseFromBeforeUserIds_migrates_oldRunsHaveNoUser() throws Exception {
    StoreConfig old = freshDatabase();
    Flyway.configure().dataSource(old.url(), old.user(), old.password())
        .locations("classpath:db/migration").target("2").load().migrate();
    try (Connection c = DriverManager.getConnection(old.url(), old.user(), old.password());
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO experiments (id, name, artifact_location, deleted, creation_time,"
          + " last_update_time) VALUES ('7', 'old', 'file:///tmp/a', 0, 1, 1)");
      s.execute("INSERT INTO runs (id, experiment_id, name, status, start_time, end_time,"
          + " owner_host, owner_pid, heartbeat_time) VALUES ('r1', '7', 'x', 'FINISHED', 5, 6,"
          + " 'h', 1, 6)");
    }
    try (TrackingStore upgraded = TrackingStores.open(old)) {
      assertThat(upgraded.getRun("r1")).extracting(Run::startTime, Run::userId)
          .containsExactly(5L, null);
      assertThat(upgraded.createRun(new CreateRunRequest("7", null, Map.of(), 9L, "bob"))
          .userId()).isEqualTo("bob");
    }
  }

  @Test
  void modelVersions_listTheAliasesPointingAtThem() {
    store.createRegisteredModel("m", "", Map.of());
    store.createModelVersion("m", "s3://b/1", null, Map.of());
    store.createModelVersion("m", "s3://b/2", null, Map.of());
    store.updateAlias("m", "champion", 1);
    store.updateAlias("m", "backup", 1);
    store.updateAlias("m", "challenger", 2);
    assertThat(store.getModelVersion("m", 1).aliases()).containsExactly("backup", "champion");
    store.updateAlias("m", "champion", 2);
    assertThat(store.getModelVersion("m", 2).aliases()).containsExactly("challenger", "champion");
    assertThat(store.searchModelVersions("m")).extracting(ModelVersion::aliases)
        .containsExactly(List.of("backup"), List.of("challenger", "champion"));
    assertThat(store.getModelVersionByAlias("m", "backup").aliases()).containsExactly("backup");
    assertThat(store.getLatestVersions("m", Set.of())).extracting(ModelVersion::aliases)
        .containsExactly(List.of("challenger", "champion"));
    store.deleteAlias("m", "backup");
    assertThat(store.getModelVersion("m", 1).aliases()).isEmpty();
  }

  @Test
  void renameRegisteredModel_keepsVersionsTagsAliasesAndHistory() {
    store.createRegisteredModel("fraud", "first", Map.of("owner", "risk"));
    store.createModelVersion("fraud", "s3://b/1", null, Map.of("k", "v"));
    store.createModelVersion("fraud", "s3://b/2", null, Map.of());
    store.updateAlias("fraud", "champion", 1);
    store.updateAlias("fraud", "champion", 2);

    RegisteredModel renamed = store.renameRegisteredModel("fraud", "fraud-v2");
    assertThat(renamed.tags()).containsEntry("owner", "risk");
    assertThat(renamed.aliases()).containsEntry("champion", 2L);
    assertThat(store.getModelVersion("fraud-v2", 1).tags()).containsEntry("k", "v");
    assertThat(store.rollbackAlias("fraud-v2", "champion").version()).isEqualTo(1);
    assertThatThrownBy(() -> store.getRegisteredModel("fraud"))
        .isInstanceOf(ResourceNotFoundException.class);
    store.createRegisteredModel("other", "", Map.of());
    assertThatThrownBy(() -> store.renameRegisteredModel("other", "fraud-v2"))
        .isInstanceOf(ResourceAlreadyExistsException.class);
  }

  @Test
  void updateAndTags_onModelsAndVersions_areStored() {
    store.createRegisteredModel("m", "", Map.of());
    store.createModelVersion("m", "s3://b/1", null, Map.of());
    assertThat(store.updateRegisteredModel("m", "better").description()).isEqualTo("better");
    assertThat(store.updateModelVersion("m", 1, "v1 notes").description()).isEqualTo("v1 notes");
    store.setRegisteredModelTag("m", "team", "risk");
    store.setModelVersionTag("m", 1, "validated", "yes");
    assertThat(store.getRegisteredModel("m").tags()).containsEntry("team", "risk");
    assertThat(store.getModelVersion("m", 1).tags()).containsEntry("validated", "yes");
    store.deleteRegisteredModelTag("m", "team");
    store.deleteModelVersionTag("m", 1, "validated");
    assertThat(store.getRegisteredModel("m").tags()).isEmpty();
    assertThat(store.getModelVersion("m", 1).tags()).isEmpty();
    assertThatThrownBy(() -> store.deleteModelVersionTag("m", 1, "validated"))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no tag 'validated'");
    assertThatThrownBy(() -> store.updateModelVersion("m", 9, "x"))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no version 9");
  }

  @Test
  void transitionStage_archiveExisting_archivesOthersInStage() {
    store.createRegisteredModel("m", "", Map.of());
    for (int i = 1; i <= 3; i++) {
      store.createModelVersion("m", "s3://b/" + i, null, Map.of());
    }
    store.transitionModelVersionStage("m", 1, ModelStage.PRODUCTION, false);
    store.transitionModelVersionStage("m", 2, ModelStage.PRODUCTION, false);
    ModelVersion v3 = store.transitionModelVersionStage("m", 3, ModelStage.PRODUCTION, true);
    assertThat(v3.stage()).isEqualTo(ModelStage.PRODUCTION);
    assertThat(store.searchModelVersions("m")).extracting(ModelVersion::version,
        ModelVersion::stage).containsExactly(tuple(1L, ModelStage.ARCHIVED),
        tuple(2L, ModelStage.ARCHIVED), tuple(3L, ModelStage.PRODUCTION));
    assertThat(store.getLatestVersions("m", Set.of())).extracting(ModelVersion::version)
        .containsExactly(3L, 2L);
    assertThat(store.getLatestVersions("m", Set.of(ModelStage.STAGING))).isEmpty();
    assertThatThrownBy(() -> store.transitionModelVersionStage("m", 1, ModelStage.NONE, true))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> ModelStage.parse("Prod"))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Staging");
    assertThat(ModelStage.parse("staging")).isEqualTo(ModelStage.STAGING);
  }

  @Test
  void searchModelVersions_byNameRunAndPage_returnsMatches() {
    store.createRegisteredModel("a", "", Map.of());
    store.createRegisteredModel("b", "", Map.of());
    store.createModelVersion("a", "s3://a/1", "run1", Map.of());
    store.createModelVersion("a", "s3://a/2", "run2", Map.of());
    store.createModelVersion("b", "s3://b/1", "run1", Map.of());
    assertThat(store.searchModelVersions(SearchRequest.of("name = 'a'")).items())
        .extracting(ModelVersion::version).containsExactly(2L, 1L);
    assertThat(store.searchModelVersions(SearchRequest.of("run_id = 'run1'")).items())
        .extracting(ModelVersion::name).containsExactly("a", "b");
    Page<ModelVersion> first = store.searchModelVersions(
        new SearchRequest("", 2, List.of("version_number DESC"), null));
    assertThat(first.next()).isPresent();
    assertThat(store.searchModelVersions(new SearchRequest("", 2, List.of("version_number DESC"),
        first.nextPageToken())).items()).hasSize(1);
    store.deleteModelVersion("a", 2);
    assertThat(store.searchModelVersions("a")).extracting(ModelVersion::version)
        .containsExactly(1L);
  }
}
