package dev.kiln.core.project;

import dev.kiln.core.KilnException;
import dev.kiln.core.ProjectLayout;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.ProjectConfig;
import dev.kiln.core.config.YamlNode;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.nodes.NodeTypes;
import dev.kiln.core.nodes.YamlPipelines;
import dev.kiln.core.pipeline.Names;
import dev.kiln.core.pipeline.Pipeline;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A Kiln project folder: {@code conf/} (catalog, parameters, credentials, {@code kiln.yml} and
 * {@code pipelines.yml} per environment), {@code data/}, and optionally {@code src/main/java} with
 * the project's own nodes and its {@link PipelineRegistry}, compiled on first use.
 */
public final class Project {
  private final Path dir;
  private final ProjectConfig config;
  private final ClassLoader loader;
  private Map<String, Pipeline> pipelines;

  private Project(Path dir, ProjectConfig config, ClassLoader loader) {
    this.dir = dir;
    this.config = config;
    this.loader = loader;
  }

  /**
   * Opens a project for an environment.
   *
   * @param paramOverrides runtime parameter overrides ({@code a.b=3})
   * @throws KilnException if the folder is not a project, configuration is malformed, or the
   *     project's sources do not compile
   */
  public static Project open(Path dir, String env, List<String> paramOverrides) {
    Path root = dir.toAbsolutePath().normalize();
    if (!isProject(root)) {
      throw new ConfigException("'" + root + "' is not a Kiln project: it has no conf/base"
          + " folder.", "run 'kiln new NAME' to create one, or pass --project PATH");
    }
    ProjectConfig config = ProjectConfig.load(root, env, paramOverrides);
    return new Project(root, config, classLoader(root));
  }

  /** Returns whether a folder is a Kiln project: it has a {@code conf/base} folder. */
  public static boolean isProject(Path dir) {
    return Files.isDirectory(dir.resolve("conf/base"));
  }

  private static ClassLoader classLoader(Path root) {
    List<URL> urls = new ArrayList<>();
    try {
      if (Files.isDirectory(root.resolve("src/main/java"))) {
        urls.add(ProjectCompiler.compile(root).toUri().toURL());
      }
      if (Files.isDirectory(root.resolve("src/main/resources"))) {
        urls.add(root.resolve("src/main/resources").toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    ClassLoader parent = Project.class.getClassLoader();
    return urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
  }

  /** Returns the project root. */
  public Path dir() {
    return dir;
  }

  /** Returns the loaded configuration. */
  public ProjectConfig config() {
    return config;
  }

  /** Returns the project name from {@code kiln.yml}, or the folder name. */
  public String name() {
    return config.setting("name").orElse(dir.getFileName().toString());
  }

  /** Returns the class loader that sees the project's classes and Kiln's. */
  public ClassLoader classLoader() {
    return loader;
  }

  /** Returns the folder for run state and caches, {@code .kiln}. */
  public Path stateDir() {
    return layout().stateDir();
  }

  /** Returns the paths Kiln keeps under the project's {@code .kiln} folder. */
  public ProjectLayout layout() {
    return ProjectLayout.of(dir);
  }

  /**
   * Returns the project's pipelines by name, including {@value PipelineRegistry#DEFAULT}.
   *
   * @throws KilnException if no registry is found or the configured one cannot be loaded
   */
  public synchronized Map<String, Pipeline> pipelines() {
    if (pipelines == null) {
      Map<String, Pipeline> fromJava = registry().map(PipelineRegistry::pipelines).orElse(Map.of());
      Map<String, YamlNode> yaml = YamlPipelines.read(dir, config.env());
      if (fromJava.isEmpty() && yaml.isEmpty()) {
        throw new ConfigException("Project '" + name() + "' defines no pipelines.",
            "declare them in conf/base/pipelines.yml (see docs/yaml-projects.md), or implement"
                + " dev.kiln.core.project.PipelineRegistry in src/main/java and name the class"
                + " in conf/base/kiln.yml as 'pipelines: your.package.Pipelines'");
      }
      Map<String, Pipeline> found = new TreeMap<>(fromJava);
      found.putAll(YamlPipelines.build(yaml, fromJava, NodeTypes.discover(loader),
          config.parameters()));
      if (!found.containsKey(PipelineRegistry.DEFAULT) && !found.isEmpty()) {
        try {
          found.put(PipelineRegistry.DEFAULT,
              found.values().stream().reduce(Pipeline::plus).orElseThrow());
        } catch (dev.kiln.core.pipeline.PipelineException e) {
          // The pipelines are alternatives (e.g. two write one dataset): there is no default.
        }
      }
      pipelines = java.util.Collections.unmodifiableMap(found);
    }
    return pipelines;
  }

  /**
   * Returns one pipeline.
   *
   * @throws KilnException naming the unknown pipeline and the known ones
   */
  public Pipeline pipeline(String name) {
    Pipeline pipeline = pipelines().get(name);
    if (pipeline == null) {
      if (name.equals(PipelineRegistry.DEFAULT)) {
        throw new KilnException("Project '" + name() + "' has no default pipeline, and its"
            + " pipelines cannot all run together.", "name one with --pipeline (pipelines are "
            + Names.quoted(pipelines().keySet()) + "), or declare '__default__' in"
            + " conf/base/pipelines.yml");
      }
      throw new KilnException("Pipeline '" + name + "' not found.", Names.closest(name,
          pipelines().keySet()).map(c -> "did you mean '" + c + "'? ").orElse("")
          + "known pipelines are " + Names.quoted(pipelines().keySet()));
    }
    return pipeline;
  }

  /** Creates the data catalog for a run. */
  public DataCatalog catalog(DataCatalog.CatalogSettings settings) {
    return DataCatalog.create(config, loader, settings);
  }

  /**
   * Returns the hooks named in {@code kiln.yml} ({@code hooks: [class, ...]}).
   *
   * @throws KilnException if a class cannot be loaded or is not a {@link Hook}
   */
  public List<Hook> configuredHooks() {
    Object names = config.settings().getOrDefault("hooks", List.of());
    if (!(names instanceof List<?> list)) {
      throw new ConfigException("'hooks' in kiln.yml must be a list of class names.",
          "write it as 'hooks: [com.example.MyHook]'");
    }
    List<Hook> hooks = new ArrayList<>();
    list.forEach(n -> hooks.add(instantiate(String.valueOf(n), Hook.class, "hooks")));
    return hooks;
  }

  private java.util.Optional<PipelineRegistry> registry() {
    var configured = config.setting("pipelines");
    if (configured.isPresent()) {
      return java.util.Optional.of(instantiate(configured.get(), PipelineRegistry.class,
          "pipelines"));
    }
    for (PipelineRegistry registry : ServiceLoader.load(PipelineRegistry.class, loader)) {
      return java.util.Optional.of(registry);
    }
    return java.util.Optional.empty();
  }

  private <T> T instantiate(String className, Class<T> type, String key) {
    try {
      Class<?> cls = Class.forName(className, true, loader);
      if (!type.isAssignableFrom(cls)) {
        throw new ConfigException("'" + key + "' in kiln.yml names '" + className
            + "', which does not implement " + type.getName() + ".", null);
      }
      return type.cast(cls.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new ConfigException("'" + key + "' in kiln.yml names class '" + className
          + "', which cannot be created: " + e, "check the class name, and that it is public with"
          + " a public no-argument constructor", e);
    }
  }
}
