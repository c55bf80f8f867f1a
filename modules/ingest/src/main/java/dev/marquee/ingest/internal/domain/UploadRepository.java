package dev.marquee.ingest.internal.domain;

import java.util.Optional;
import java.util.UUID;

/** Uploads of masters. */
public interface UploadRepository {
  Optional<Upload> upload(UUID id);

  /** Locks the row: completing and aborting must not race. */
  Optional<Upload> uploadForUpdate(UUID id);

  Optional<Upload> completedForTitle(UUID titleId);

  void add(Upload upload);
}
