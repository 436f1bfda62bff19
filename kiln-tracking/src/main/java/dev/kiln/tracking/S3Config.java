package dev.kiln.tracking;

import java.net.URI;

/**
 * Where an S3-compatible artifact store lives.
 *
 * @param endpoint the endpoint override (MinIO, s3proxy, ...), or null for AWS
 * @param region the region, e.g. {@code us-east-1}
 * @param bucket the bucket
 * @param prefix the key prefix for this store (e.g. an experiment or run folder), may be empty
 * @param accessKey the access key, or null to use the AWS default chain (env, profile, role)
 * @param secretKey the secret key, or null with {@code accessKey}; never logged or printed
 * @param partSize bytes per multipart part (at least 5 MiB); larger uploads use multipart
 */
public record S3Config(
    URI endpoint, String region, String bucket, String prefix, String accessKey, String secretKey,
    int partSize) {
  /** The smallest part S3 accepts, except for the last one. */
  public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  /** Validates the bucket, credentials pairing and part size. */
  public S3Config {
    if (bucket == null || bucket.isBlank()) {
      throw new InvalidParameterException("S3 artifact store has no bucket.",
          "Set the bucket name in the artifact store configuration.");
    }
    if ((accessKey == null) != (secretKey == null)) {
      throw new InvalidParameterException("S3 access key and secret key must be given together.",
          "Set both, or neither to use AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.");
    }
    if (partSize < MIN_PART_SIZE) {
      throw new InvalidParameterException("S3 part size " + partSize + " is below 5 MiB.",
          "Use a part size of at least " + MIN_PART_SIZE + " bytes.");
    }
    prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    region = region == null ? "us-east-1" : region;
  }

  /** Describes the config without the secret key. */
  @Override
  public String toString() {
    return "S3Config[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket
        + ", prefix=" + prefix + ", accessKey=" + accessKey + ", secretKey="
        + (secretKey == null ? "none" : "***") + ", partSize=" + partSize + "]";
  }
}
