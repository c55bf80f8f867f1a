package dev.marquee.console.internal.web.catalog;

import dev.marquee.accounts.api.Role;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.ingest.api.AddedAudio;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.ingest.api.SubtitleFile;
import dev.marquee.ingest.api.TitleSideFiles;
import dev.marquee.platform.api.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The title page's subtitles and audio: the title's subtitle files and added audio tracks, and two
 * forms that add one, through ingest's {@link TitleSideFiles} (the REST API's rules, storage and
 * problems). A refusal is shown beside the field its problem type is about.
 */
@Named
@ViewScoped
public class TitleFilesPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient IngestFacade ingest;
  @Inject transient TitleSideFiles sideFiles;
  @Inject transient AudioEncodings encodings;
  @Inject transient ConsoleSession console;
  @Inject transient FacesContext faces;

  private String id;
  private String subtitleLanguage;
  private transient Part subtitleFile;
  private String audioLanguage;
  private String audioRole = AddedAudio.MAIN;
  private transient Part audioFile;
  private String status;

  public List<SubtitleRow> getSubtitles() {
    return titleId() == null
        ? List.of()
        : ingest.subtitles(titleId()).stream().map(SubtitleRow::new).toList();
  }

  /** The added audio tracks, each with how its encoding stands. */
  public List<AudioRow> getAudio() {
    if (titleId() == null) {
      return List.of();
    }
    List<AddedAudio> tracks = ingest.addedAudio(titleId());
    Map<String, String> states =
        encodings.statesOf(tracks.stream().map(AddedAudio::storageKey).toList());
    return tracks.stream().map(a -> new AudioRow(a, states.get(a.storageKey()))).toList();
  }

  public void addSubtitles() {
    UUID actor = console.require(Role.ADMIN).accountId();
    status = null;
    try (InputStream content = open(subtitleFile)) {
      SubtitleFile added =
          sideFiles.addSubtitles(actor, true, titleId(), subtitleLanguage, content);
      done(
          "Subtitles "
              + added.language()
              + " kept ("
              + added.cues()
              + (added.cues() == 1 ? " cue)." : " cues)."));
      subtitleLanguage = null;
    } catch (ProblemException e) {
      refused(e, "subtitles:subtitle");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void addAudio() {
    UUID actor = console.require(Role.ADMIN).accountId();
    status = null;
    try (InputStream content = open(audioFile)) {
      AddedAudio added =
          sideFiles.addAudio(actor, true, titleId(), audioLanguage, audioRole, content);
      done("Audio " + added.language() + " (" + added.role() + ") kept; it is being encoded.");
      audioLanguage = null;
    } catch (ProblemException e) {
      refused(e, "audio:audio");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(Part file) throws IOException {
    return file == null ? InputStream.nullInputStream() : file.getInputStream();
  }

  /** Said in the section's own status line (the edit form lists the page's other messages). */
  private void done(String text) {
    status = text;
  }

  private void refused(ProblemException e, String fields) {
    faces.addMessage(
        fieldOf(fields, e.type()),
        new FacesMessage(FacesMessage.SEVERITY_ERROR, e.detail(), e.detail()));
    faces.validationFailed();
  }

  /**
   * The field a problem type is about, its client id starting with {@code fields} ("audio:audio"):
   * the language, the role or (any other problem of the file) the file; null for the whole page.
   */
  static String fieldOf(String fields, String type) {
    if (type == null || type.equals("title-not-found")) {
      return null;
    }
    if (type.contains("language")) {
      return fields + "Language";
    }
    if (type.contains("role")) {
      return fields + "Role";
    }
    return fields + "File";
  }

  private TitleId titleId() {
    try {
      return new TitleId(UUID.fromString(id));
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  /** A subtitle file as the page lists it (Faces EL reads getters, not record accessors). */
  public record SubtitleRow(SubtitleFile file) {
    public String getLanguage() {
      return file.language();
    }

    public int getCues() {
      return file.cues();
    }

    public String getStorageKey() {
      return file.storageKey();
    }
  }

  /** An added audio track as the page lists it. */
  public record AudioRow(AddedAudio track, String encoding) {
    public String getLanguage() {
      return track.language();
    }

    public String getRole() {
      return track.role();
    }

    public String getCodec() {
      return track.codec() + ", " + track.channels() + " ch";
    }

    public String getSeconds() {
      return String.format("%.1f s", track.durationMillis() / 1000.0);
    }

    public String getEncoding() {
      return encoding;
    }
  }

  public String getStatus() {
    return status;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getSubtitleLanguage() {
    return subtitleLanguage;
  }

  public void setSubtitleLanguage(String subtitleLanguage) {
    this.subtitleLanguage = subtitleLanguage;
  }

  public Part getSubtitleFile() {
    return subtitleFile;
  }

  public void setSubtitleFile(Part subtitleFile) {
    this.subtitleFile = subtitleFile;
  }

  public String getAudioLanguage() {
    return audioLanguage;
  }

  public void setAudioLanguage(String audioLanguage) {
    this.audioLanguage = audioLanguage;
  }

  public String getAudioRole() {
    return audioRole;
  }

  public void setAudioRole(String audioRole) {
    this.audioRole = audioRole;
  }

  public Part getAudioFile() {
    return audioFile;
  }

  public void setAudioFile(Part audioFile) {
    this.audioFile = audioFile;
  }
}
