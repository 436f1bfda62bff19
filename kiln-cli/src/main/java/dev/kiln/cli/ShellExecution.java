package dev.kiln.cli;

import dev.kiln.core.KilnException;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution engine {@code kiln}: snippets run in this JVM (as {@code --execution local})
 * with a class loader whose parent is the project's, so a project class used in a snippet is the
 * very class the project's pipelines use (with {@code local}, JShell would load a second copy from
 * its class path, and passing values between the two fails with "X cannot be cast to X").
 *
 * <p>JShell creates providers through {@link java.util.ServiceLoader} with no arguments, so the
 * project comes from the running shell's {@link ShellSession}.
 */
public final class ShellExecution implements ExecutionControlProvider {
  /** Creates the provider (JShell's service loader calls this). */
  public ShellExecution() {}

  @Override
  public String name() {
    return "kiln";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    ShellSession session = ShellSession.active();
    return new HintingExecution(new Loader(session == null
        ? ShellExecution.class.getClassLoader() : session.project().classLoader()));
  }

  /**
   * Runs snippets as {@code --execution local} does, but a Kiln error thrown by a snippet shows its
   * hint too (JShell prints only an exception's message).
   */
  private static final class HintingExecution extends LocalExecutionControl {
    HintingExecution(LoaderDelegate loader) {
      super(loader);
    }

    @Override
    protected String invoke(Method snippet) throws Exception {
      try {
        return super.invoke(snippet);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof KilnException k && k.hint().isPresent()) {
          KilnException hinted = new KilnException(k.describe(), null, k.getCause());
          hinted.setStackTrace(k.getStackTrace());
          throw new InvocationTargetException(hinted);
        }
        throw e;
      }
    }
  }

  /** Hands JShell's class bytes to a {@link SnippetLoader} and finds the classes it defined. */
  private static final class Loader implements LoaderDelegate {
    private final SnippetLoader loader;

    Loader(ClassLoader parent) {
      loader = new SnippetLoader(parent);
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
      boolean[] installed = new boolean[cbcs.length];
      for (ClassBytecodes c : cbcs) {
        loader.declare(c.name(), c.bytecodes());
      }
      for (int i = 0; i < cbcs.length; i++) {
        try {
          Class.forName(cbcs[i].name(), false, loader);
          installed[i] = true;
        } catch (ClassNotFoundException | LinkageError e) {
          throw new ClassInstallException("cannot load " + cbcs[i].name() + ": " + e,
              installed);
        }
      }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
      for (ClassBytecodes c : cbcs) {
        loader.declare(c.name(), c.bytecodes());
      }
    }

    @Override
    public void addToClasspath(String path) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          loader.add(Path.of(entry));
        }
      }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
      return Class.forName(name, false, loader);
    }
  }

  /** Defines snippet classes from their bytes; everything else comes from the parent first. */
  private static final class SnippetLoader extends URLClassLoader {
    private final Map<String, byte[]> classes = new ConcurrentHashMap<>();

    SnippetLoader(ClassLoader parent) {
      super(new URL[0], parent);
    }

    void declare(String name, byte[] bytes) {
      classes.put(name, bytes);
    }

    void add(Path entry) {
      try {
        addURL(entry.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("class path entry '" + entry + "': " + e, e);
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      return bytes == null ? super.findClass(name) : defineClass(name, bytes, 0, bytes.length);
    }
  }
}
