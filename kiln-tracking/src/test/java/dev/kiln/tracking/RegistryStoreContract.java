package dev.kiln.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Registry behaviour every store back end must share, on top of {@link TrackingStoreContract}. */
abstract class RegistryStoreContract extends TrackingStoreContract {
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
