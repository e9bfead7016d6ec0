package io.orderflow.fulfillment.engine;

import io.orderflow.fulfillment.engine.ProcessModels.ModelResource;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The analysts' loop: watches the models folder ({@code processes/} and {@code forms/} under
 * {@code fulfillment.models.dir}) and, when a model or form is saved, publishes the whole set as new versions through
 * {@link ModelPublisher} (checked, adapted, deployed; a broken save is refused and changes nothing that runs). Saves
 * in quick succession (editors write more than once) are published once, after a quiet period.
 */
@Component
@ConditionalOnProperty(name = "fulfillment.models.watch", havingValue = "true")
class ModelWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ModelWatcher.class);
  private static final Set<String> MODEL_FILES = Set.of(".bpmn", ".dmn", ".form");

  private final ModelPublisher publisher;
  private final Path root;
  private final Duration quietPeriod;
  private volatile WatchService watcher;
  private volatile Thread thread;

  @org.springframework.beans.factory.annotation.Autowired
  ModelWatcher(ModelPublisher publisher, @Value("${fulfillment.models.dir:.}") String root,
      @Value("${fulfillment.models.quiet-period:PT0.5S}") Duration quietPeriod) {
    // a plain file-system path, relative to the folder the app was started from (not a Spring resource location)
    this(publisher, Path.of(root), quietPeriod);
  }

  ModelWatcher(ModelPublisher publisher, Path root, Duration quietPeriod) {
    this.publisher = publisher;
    this.root = root.toAbsolutePath().normalize();
    this.quietPeriod = quietPeriod;
  }

  @Override
  public void start() {
    Path processes = root.resolve("processes");
    if (!Files.isDirectory(processes)) {
      log.info("Models are not watched: {} is not a folder (start the app from the project folder, or set "
          + "fulfillment.models.dir)", processes);
      return;
    }
    try {
      watcher = FileSystems.getDefault().newWatchService();
      for (Path folder : List.of(processes, root.resolve("forms"))) {
        if (Files.isDirectory(folder)) {
          folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_DELETE);
        }
      }
    } catch (IOException e) {
      log.warn("Models cannot be watched in {}: {}", root, e.getMessage());
      return;
    }
    thread = Thread.ofPlatform().daemon().name("model-watcher").start(this::watch);
    log.info("Watching {} and {} : a saved model or form is deployed as a new version", processes,
        root.resolve("forms"));
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        Set<String> saved = new TreeSet<>(changedModels(key));
        // editors save in several writes: wait until the folder has been quiet for a moment
        WatchKey more;
        while ((more = watcher.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          saved.addAll(changedModels(more));
        }
        if (!saved.isEmpty()) {
          publishFolder("saved " + String.join(", ", saved));
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  private List<String> changedModels(WatchKey key) {
    List<String> changed = new ArrayList<>();
    Path folder = (Path) key.watchable();
    for (var event : key.pollEvents()) {
      if (event.context() instanceof Path file && isModel(file)) {
        changed.add(root.relativize(folder.resolve(file)).toString());
      }
    }
    key.reset();
    return changed;
  }

  /** Publishes every model and form of the folder as one set; a refused set is logged and kept for ops. */
  void publishFolder(String source) {
    try {
      publisher.publish(readFolder(), source);
    } catch (ModelPublisher.RefusedModelException refused) {
      // the publisher logged it and recorded it for ops; what runs stays as it was
    } catch (RuntimeException e) {
      log.error("Publishing the models ({}) failed: {}", source, e.getMessage(), e);
    }
  }

  List<ModelResource> readFolder() {
    List<ModelResource> resources = new ArrayList<>();
    for (String folder : List.of("processes", "forms")) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).filter(ModelWatcher::isModel)
            .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
          resources.add(new ModelResource(file.getFileName().toString(), Files.readAllBytes(file)));
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("Cannot read " + dir, e);
      }
    }
    return resources;
  }

  private static boolean isModel(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && MODEL_FILES.stream().anyMatch(name::endsWith);
  }

  @Override
  public void stop() {
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException ignored) {
      // closing on shutdown
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null && thread.isAlive();
  }

  @Override
  public int getPhase() {
    // after the engine and the start-up deployment
    return Integer.MAX_VALUE - 100;
  }
}
