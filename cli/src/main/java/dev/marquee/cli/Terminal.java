package dev.marquee.cli;

import jakarta.json.JsonValue;
import java.io.PrintWriter;

/**
 * Where a command writes: results on stdout (JSON with {@code --json}), progress and messages on
 * stderr. Progress bars redraw one line only on a terminal; elsewhere each step is one line.
 */
public final class Terminal {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean interactive;

  public Terminal(PrintWriter out, PrintWriter err, boolean json, boolean interactive) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.interactive = interactive;
  }

  public boolean json() {
    return json;
  }

  public boolean interactive() {
    return interactive;
  }

  /** The result: JSON for scripts, or the text for people. */
  public void result(JsonValue asJson, String asText) {
    if (json) {
      out.println(Json.compact(asJson));
    } else if (!asText.isEmpty()) {
      out.println(asText);
    }
    out.flush();
  }

  /** A message for the person at the keyboard (stderr, never mixed into JSON on stdout). */
  public void say(String message) {
    err.println(message);
    err.flush();
  }

  /** A step of progress: the bar redrawn in place on a terminal, one line per step elsewhere. */
  public void progress(String line) {
    if (interactive) {
      redraw(line);
    } else {
      say(line);
    }
  }

  /** Ends a line of progress drawn in place. */
  public void progressDone() {
    if (interactive) {
      endLine();
    }
  }

  /** Redraws the current line (a terminal only). */
  public void redraw(String line) {
    err.print("\r" + line + "\u001b[K");
    err.flush();
  }

  /** Text as it is, for drawings of several lines (a terminal only). */
  public void raw(String text) {
    err.print(text);
    err.flush();
  }

  public void endLine() {
    err.println();
    err.flush();
  }

  PrintWriter out() {
    return out;
  }
}
