package dev.kiln.tracking.internal.artifact;

import dev.kiln.tracking.ArtifactInfo;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.S3Config;
import dev.kiln.tracking.TrackingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An {@link ArtifactStore} over an S3-compatible object store (single PUTs are atomic). */
public final class S3ArtifactStore implements ArtifactStore {
  private final S3Config config;
  private final S3Client s3;

  /** Builds the client: endpoint override, path-style, static or default-chain credentials. */
  public S3ArtifactStore(S3Config config) {
    this.config = config;
    var builder = S3Client.builder().region(Region.of(config.region())).forcePathStyle(true)
        .credentialsProvider(config.accessKey() == null ? DefaultCredentialsProvider.create()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(config.accessKey(), config.secretKey())));
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    this.s3 = builder.build();
  }

  private String key(String path) {
    PathGuard.checkRelative(path);
    String clean = path.replace('\\', '/').replaceAll("/+$", "");
    return config.prefix().isEmpty() ? clean : config.prefix() + "/" + clean;
  }

  @Override
  public void put(String path, InputStream content) {
    String key = key(path);
    try {
      byte[] first = content.readNBytes(config.partSize());
      if (first.length < config.partSize()) {
        s3.putObject(b -> b.bucket(config.bucket()).key(key), RequestBody.fromBytes(first));
      } else {
        new MultipartUpload(s3, config.bucket(), key).upload(first, content, config.partSize());
      }
    } catch (IOException | SdkException e) {
      throw failure("store artifact '" + path + "'", e);
    }
  }

  @Override
  public InputStream get(String path) {
    String key = key(path);
    try {
      return s3.getObject(b -> b.bucket(config.bucket()).key(key));
    } catch (NoSuchKeyException e) {
      throw new ResourceNotFoundException("Artifact '" + path + "' does not exist in bucket '"
          + config.bucket() + "'.", "List the stored artifacts to find the right path.");
    } catch (SdkException e) {
      throw failure("read artifact '" + path + "'", e);
    }
  }

  @Override
  public List<ArtifactInfo> list(String directory) {
    String dirKey = directory == null || directory.isEmpty()
        ? config.prefix() : key(directory);
    String listPrefix = dirKey.isEmpty() ? "" : dirKey + "/";
    int strip = config.prefix().isEmpty() ? 0 : config.prefix().length() + 1;
    List<ArtifactInfo> out = new ArrayList<>();
    try {
      var pages = s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
          .bucket(config.bucket()).prefix(listPrefix).delimiter("/").build());
      for (var page : pages) {
        for (CommonPrefix p : page.commonPrefixes()) {
          out.add(new ArtifactInfo(p.prefix().substring(strip, p.prefix().length() - 1), true, -1));
        }
        for (S3Object o : page.contents()) {
          out.add(new ArtifactInfo(o.key().substring(strip), false, o.size()));
        }
      }
    } catch (SdkException e) {
      throw failure("list artifacts in '" + directory + "'", e);
    }
    out.sort(java.util.Comparator.comparing(ArtifactInfo::path));
    return out;
  }

  @Override
  public void delete(String path) {
    String key = key(path);
    try {
      s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
      for (var page : s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(key + "/"))) {
        for (S3Object o : page.contents()) {
          s3.deleteObject(b -> b.bucket(config.bucket()).key(o.key()));
        }
      }
    } catch (SdkException e) {
      throw failure("delete artifact '" + path + "'", e);
    }
  }

  private TrackingException failure(String action, Exception e) {
    return new TrackingException("INTERNAL_ERROR", "Could not " + action + " in bucket '"
        + config.bucket() + "': " + e.getMessage(),
        "Check the endpoint, bucket and credentials of the S3 artifact store.", e);
  }
}
