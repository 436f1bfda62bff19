package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.Page;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.internal.Keys;
import dev.kiln.tracking.internal.search.SqlFragment;
import dev.kiln.tracking.registry.AliasMove;
import dev.kiln.tracking.registry.ModelStage;
import dev.kiln.tracking.registry.ModelVersionStore;
import dev.kiln.tracking.registry.RegisteredModel;
import dev.kiln.tracking.registry.RegistryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registry half of the JDBC store: models, versions and aliases; each call one transaction. */
abstract class JdbcRegistryStore implements RegistryStore, ModelVersionStore {
  private final Database db;
  private final RegistryRepo registry = new RegistryRepo();
  private final VersionRepo versions = new VersionRepo(registry);
  private final AliasRepo aliases = new AliasRepo(registry, versions);

  JdbcRegistryStore(Database db) {
    this.db = db;
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
  public RegisteredModel renameRegisteredModel(String name, String newName) {
    return db.inTransaction(c -> registry.rename(c, name, newName));
  }

  @Override
  public RegisteredModel updateRegisteredModel(String name, String description) {
    return db.inTransaction(c -> registry.updateDescription(c, name, description));
  }

  @Override
  public void deleteRegisteredModel(String name) {
    db.run(c -> registry.delete(c, name));
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
  public void setRegisteredModelTag(String name, String key, String value) {
    db.run(c -> registry.setTag(c, name, key, value));
  }

  @Override
  public void deleteRegisteredModelTag(String name, String key) {
    db.run(c -> registry.deleteTag(c, name, key));
  }

  @Override
  public ModelVersion createModelVersion(String name, String source, String runId,
      Map<String, String> tags) {
    long now = System.currentTimeMillis();
    ModelVersion draft = new ModelVersion(name, 0, source, runId, "", "READY", ModelStage.NONE,
        now, now, tags, List.of());
    return db.inTransaction(c -> versions.create(c, draft));
  }

  @Override
  public ModelVersion getModelVersion(String name, long version) {
    return db.inTransaction(c -> versions.get(c, name, version));
  }

  @Override
  public List<ModelVersion> searchModelVersions(String name) {
    return db.inTransaction(c -> {
      registry.get(c, name);
      return versions.query(c, "mv.name = ? ORDER BY mv.version", List.of(name));
    });
  }

  @Override
  public Page<ModelVersion> searchModelVersions(SearchRequest request) {
    SqlFragment where = Schemas.VERSIONS.where(request.filter());
    SqlFragment order = Schemas.VERSIONS.orderBy(request.orderBy(), "mv.name, mv.version DESC");
    return Paging.page(request, db.inTransaction(c -> versions.query(c,
        where.sql() + " ORDER BY " + order.sql() + Paging.limitClause(request),
        concat(where.args(), order.args()))));
  }

  @Override
  public ModelVersion updateModelVersion(String name, long version, String description) {
    return db.inTransaction(c -> versions.update(c, name, version, "description = ?",
        description == null ? "" : description));
  }

  @Override
  public void deleteModelVersion(String name, long version) {
    db.run(c -> versions.delete(c, name, version));
  }

  @Override
  public void setModelVersionTag(String name, long version, String key, String value) {
    db.run(c -> versions.setTag(c, name, version, Map.of(Keys.check("tag", key), value)));
  }

  @Override
  public void deleteModelVersionTag(String name, long version, String key) {
    db.run(c -> versions.deleteTag(c, name, version, key));
  }

  @Override
  public ModelVersion transitionModelVersionStage(String name, long version, ModelStage stage,
      boolean archiveExisting) {
    return db.inTransaction(c -> versions.transition(c, name, version, stage, archiveExisting));
  }

  @Override
  public List<ModelVersion> getLatestVersions(String name, Set<ModelStage> stages) {
    return db.inTransaction(c -> versions.latest(c, name, stages));
  }

  @Override
  public void updateAlias(String name, String alias, long version) {
    db.run(c -> aliases.move(c, name, alias, version));
  }

  @Override
  public void deleteAlias(String name, String alias) {
    db.run(c -> aliases.move(c, name, alias, -1));
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

  static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
