package dev.marquee.media.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.media.testing.SyntheticMaster;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FFmpeg opens only the containers Marquee accepts, and follows no reference inside a file. */
class AcceptedContainersTest {
  @TempDir Path folder;

  private Path master(String name) throws IOException {
    Path file = folder.resolve(name);
    new SyntheticMaster(64, 36, 10, 1, false, List.of("eng")).writeTo(file);
    return file;
  }

  private static UnsupportedContainerException refused(Path file, AcceptedContainers accepted) {
    List<MediaHeader> headers = new ArrayList<>();
    Throwable thrown = null;
    try {
      MediaProbe.probe(file, accepted, headers::add);
    } catch (Throwable t) {
      thrown = t;
    }
    assertThat(thrown).isInstanceOf(UnsupportedContainerException.class);
    // Refused before any demuxer parsed a header: the check never saw one.
    assertThat(headers).isEmpty();
    UnsupportedContainerException e = (UnsupportedContainerException) thrown;
    assertThat(e.reason()).isEqualTo(MediaProbeException.Reason.UNSUPPORTED_CONTAINER);
    assertThat(e.accepted()).isEqualTo(accepted);
    assertThat(e.getMessage()).contains(e.container()).contains(accepted.description());
    return e;
  }

  @Test
  void mp4QuickTimeAndMatroskaMastersOpen() throws Exception {
    assertThat(MediaProbe.probe(master("master.mp4")).container()).contains("mp4");
    assertThat(MediaProbe.probe(master("master.mov")).container()).contains("mov");
    assertThat(MediaProbe.probe(master("master.mkv")).container()).contains("matroska");
    // The name does not matter, only the bytes: an MP4 called .bin is still an MP4.
    Path renamed = Files.move(master("x.mp4"), folder.resolve("upload.bin"));
    assertThat(MediaProbe.probe(renamed).video()).hasSize(1);
  }

  @Test
  void anMpegTransportStreamIsNamedAndRefused() throws Exception {
    Path ts = folder.resolve("master.ts");
    new SyntheticMaster(64, 36, 10, 1, false, List.of()).writeTo(ts);
    assertThat(refused(ts, AcceptedContainers.MASTERS).container()).isEqualTo("mpegts");
  }

  @Test
  void aWaveFileIsNoMasterButIsAnAudioTrack() throws Exception {
    Path wav = wave(folder.resolve("dub.wav"), 1);
    assertThat(refused(wav, AcceptedContainers.MASTERS).container()).isEqualTo("wav");
    MediaInfo audio = MediaProbe.probe(wav, AcceptedContainers.AUDIO_TRACKS, h -> {});
    assertThat(audio.video()).isEmpty();
    assertThat(audio.audio())
        .singleElement()
        .extracting(MediaInfo.AudioTrack::codec)
        .isEqualTo("pcm_s16le");
  }

  @Test
  void aStillPictureIsNoMaster() throws Exception {
    Path jpeg = folder.resolve("frame-0001.jpg");
    ImageIO.write(new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg.toFile());
    assertThat(refused(jpeg, AcceptedContainers.MASTERS).container()).isEqualTo("jpeg_pipe");
    assertThat(refused(jpeg, AcceptedContainers.AUDIO_TRACKS).container()).isEqualTo("jpeg_pipe");
  }

  /**
   * The classic FFmpeg server-side request forgery: a "video" that is a playlist or concat script
   * naming other files or URLs. It points at a valid master here, so that following it would
   * succeed; it must be refused as what it is, for masters and audio tracks alike.
   */
  @Test
  void playlistsAndScriptsThatNameOtherFilesAreRefusedUnfollowed() throws Exception {
    String target = master("target.mp4").toUri().toString();
    Path hls =
        Files.writeString(
            folder.resolve("master.mp4"),
            "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\n"
                + target
                + "\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");
    assertThat(refused(hls, AcceptedContainers.MASTERS).container()).isEqualTo("hls");
    assertThat(refused(hls, AcceptedContainers.AUDIO_TRACKS).container()).isEqualTo("hls");
    Path concat =
        Files.writeString(
            folder.resolve("script.mov"),
            "ffconcat version 1.0\nfile '" + target.replace("file://", "") + "'\n");
    assertThat(refused(concat, AcceptedContainers.MASTERS).container()).isEqualTo("concat");
    Path dash =
        Files.writeString(
            folder.resolve("manifest.mkv"),
            "<?xml version=\"1.0\"?>\n<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\""
                + " profiles=\"urn:mpeg:dash:profile:isoff-on-demand:2011\"><Period><AdaptationSet>"
                + "<Representation id=\"1\" bandwidth=\"1\"><BaseURL>"
                + target
                + "</BaseURL></Representation></AdaptationSet></Period></MPD>\n");
    Throwable thrown = catchAny(() -> MediaProbe.probe(dash));
    // This FFmpeg build may lack the DASH demuxer; then the manifest is not media at all. Either
    // way it is refused without being followed.
    assertThat(thrown).isInstanceOf(MediaProbeException.class);
    assertThat(((MediaProbeException) thrown).reason())
        .isIn(
            MediaProbeException.Reason.UNSUPPORTED_CONTAINER, MediaProbeException.Reason.NOT_MEDIA);
  }

  @Test
  void theHeaderIsSeenBeforeAnythingIsDecodedAndCanStopTheProbe() throws Exception {
    Path file = folder.resolve("header.mp4");
    new SyntheticMaster(320, 180, 25, 3, false, List.of("eng", "fra")).writeTo(file);
    List<MediaHeader> headers = new ArrayList<>();
    MediaProbe.probe(file, AcceptedContainers.MASTERS, headers::add);
    assertThat(headers).hasSize(2);
    MediaHeader first = headers.get(0);
    assertThat(first.container()).contains("mp4");
    assertThat(first.streamCount()).isEqualTo(3);
    assertThat(first.durationSeconds()).isBetween(2.9, 3.2);
    assertThat(first.video())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.width()).isEqualTo(320);
              assertThat(v.height()).isEqualTo(180);
              assertThat(v.frameRate()).isEqualTo(25.0);
            });
    IllegalStateException stop = new IllegalStateException("over a limit");
    assertThatThrownBy(
            () ->
                MediaProbe.probe(
                    file,
                    AcceptedContainers.MASTERS,
                    h -> {
                      throw stop;
                    }))
        .isSameAs(stop);
  }

  @Test
  void namesAreMatchedAliasByAlias() {
    assertThat(AcceptedContainers.MASTERS.accepts("mov,mp4,m4a,3gp,3g2,mj2")).isTrue();
    assertThat(AcceptedContainers.MASTERS.accepts("matroska,webm")).isTrue();
    assertThat(AcceptedContainers.MASTERS.accepts("mxf")).isTrue();
    assertThat(AcceptedContainers.MASTERS.accepts("mpegts")).isFalse();
    assertThat(AcceptedContainers.MASTERS.accepts("hls")).isFalse();
    assertThat(AcceptedContainers.MASTERS.accepts("image2")).isFalse();
    assertThat(AcceptedContainers.MASTERS.accepts(null)).isFalse();
  }

  private interface Action {
    void run() throws Exception;
  }

  private static Throwable catchAny(Action action) {
    try {
      action.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  /** A 16-bit stereo 48 kHz PCM WAV of silence. */
  static Path wave(Path file, int seconds) throws IOException {
    int data = 48_000 * 2 * 2 * seconds;
    ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2);
    b.putInt(48_000).putInt(48_000 * 4).putShort((short) 4).putShort((short) 16);
    b.put("data".getBytes()).putInt(data);
    return Files.write(file, b.array());
  }
}
