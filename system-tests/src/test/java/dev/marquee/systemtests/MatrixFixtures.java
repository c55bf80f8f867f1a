package dev.marquee.systemtests;

import dev.marquee.systemtests.OpenApiOperations.Operation;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real objects for the authorization matrix: a viewer with a profile, a device and a list, a
 * creator with an open upload, and the accounts of the other callers. {@link #target} fills an
 * operation's path with these ids and says whose object the request touches.
 */
record MatrixFixtures(
    Viewers.Viewer viewer,
    String listId,
    String otherViewerToken,
    String creatorToken,
    String uploadId,
    String operatorToken) {
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  /** A request for one operation: where, with what body, and whose object it touches (or null). */
  record Target(String pathAndQuery, String owner, String mediaType, String body) {}

  static MatrixFixtures create(Api api) {
    Viewers.Viewer viewer = Viewers.newViewer(api, "TABLET", null);
    Api.Reply list =
        api.postJson(
            "/api/catalog/lists",
            "{\"profileId\":\"" + viewer.profileId() + "\",\"name\":\"Weekend\"}",
            viewer.token());
    if (list.status() != 201) {
      throw new AssertionError("creating a list failed: " + list);
    }
    String other = Viewers.newViewer(api, "TABLET", null).token();
    String creator = Creators.newCreator(api);
    Api.Reply upload =
        api.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(Creators.goodTitle(), "matrix.mp4", 6_000_000, "0".repeat(64)),
            creator);
    if (upload.status() != 201) {
      throw new AssertionError("opening an upload failed: " + upload);
    }
    return new MatrixFixtures(
        viewer,
        list.json().getString("id"),
        other,
        creator,
        upload.json().getString("id"),
        withRole(api, "operator"));
  }

  String viewerToken() {
    return viewer.token();
  }

  Target target(Operation op) {
    String path = op.path();
    String owner = null;
    StringBuilder filled = new StringBuilder();
    Matcher m = PARAMETER.matcher(path);
    while (m.find()) {
      String name = m.group(1);
      String prefix = path.substring(0, m.start());
      String value;
      if (name.equals("id") && prefix.equals("/api/accounts/me/profiles/")) {
        value = viewer.profileId();
        owner = "viewer";
      } else if (name.equals("id") && prefix.equals("/api/accounts/me/devices/")) {
        value = viewer.deviceId();
        owner = "viewer";
      } else if (name.equals("id") && prefix.equals("/api/catalog/lists/")) {
        value = listId;
        owner = "viewer";
      } else if (name.equals("id") && prefix.equals("/api/ingest/uploads/")) {
        value = uploadId;
        owner = "creator";
      } else if (prefix.startsWith("/api/admin/accounts/")
          && (name.equals("id") || name.equals("accountId"))) {
        value = viewer.accountId(); // an admin's object: any account
      } else if (name.equals("deviceId")) {
        value = viewer.deviceId();
      } else {
        value = placeholder(name);
      }
      m.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    m.appendTail(filled);
    if (op.queryParameters().contains("profileId")) {
      filled.append("?profileId=").append(viewer.profileId());
      owner = "viewer";
    }
    String mediaType = op.requestMediaType();
    String body = null;
    if (mediaType != null) {
      body = mediaType.contains("json") ? "{}" : "";
    }
    return new Target(filled.toString(), owner, mediaType, body);
  }

  /** A value of the right shape for a parameter whose object nobody in the matrix owns. */
  private static String placeholder(String name) {
    return switch (name) {
      case "number" -> "1";
      case "executionId" -> "999999999";
      case "kind" -> "poster";
      case "language" -> "en";
      case "name" -> "video-0";
      case "key" -> "titles/none/segment.m4s";
      case "userCode" -> "BCDF-GHJK";
      case "token" -> "not-a-share-link";
      default -> UUID.randomUUID().toString();
    };
  }

  /** A new account given one role by the admin; returns its token. */
  static String withRole(Api api, String role) {
    String email = api.registerViewer(Viewers.PASSWORD);
    String admin = Viewers.admin(api);
    String id =
        api.get("/api/admin/accounts?email=" + email, admin)
            .array()
            .getJsonObject(0)
            .getString("id");
    Api.Reply granted =
        api.putJson(
            "/api/admin/accounts/" + id + "/roles", "{\"roles\":[\"" + role + "\"]}", admin);
    if (granted.status() != 200) {
      throw new AssertionError("granting " + role + " failed: " + granted);
    }
    return api.signIn(email, Viewers.PASSWORD).getString("access_token");
  }
}
