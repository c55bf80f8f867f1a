package dev.marquee.catalog.internal.search;

import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.internal.domain.SearchUnavailable;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Writes to the OpenSearch index: creates it (a concrete index behind the alias) when missing,
 * applies changes in bulk, and rebuilds it from the database into a fresh index whose alias is
 * swapped in one atomic step, so searches never see a half-built index.
 */
public final class OpenSearchIndex {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Logger LOG = Logger.getLogger(OpenSearchIndex.class.getName());

  private final OpenSearchNode node;
  private final String alias;

  public OpenSearchIndex(OpenSearchNode node, String alias) {
    this.node = node;
    this.alias = alias;
  }

  /** Creates the index behind the alias unless it exists. */
  public void ensure() {
    if (node.call("HEAD", "/" + alias, null).status() == 200) {
      return;
    }
    String index = alias + "-" + Instant.now().toEpochMilli();
    create(index);
    OpenSearchNode.Answer added = node.call("POST", "/_aliases", aliasActions(List.of(), index));
    if (added.status() != 200) {
      throw new SearchUnavailable(
          "could not point " + alias + " at " + index + ": " + added.body());
    }
  }

  /**
   * Makes the index agree with these documents: published titles are indexed (replacing what was
   * there), every other id is removed. Returns after OpenSearch confirmed every operation.
   */
  public void apply(Map<UUID, JsonObject> current, Collection<UUID> changed) {
    List<JsonObject> lines = new ArrayList<>();
    for (UUID id : changed) {
      JsonObject doc = current.get(id);
      if (doc != null && TitleState.valueOf(doc.getString("state")) == TitleState.PUBLISHED) {
        lines.add(action("index", alias, id.toString()));
        lines.add(doc);
      } else {
        lines.add(action("delete", alias, id.toString()));
      }
    }
    bulk(lines, true);
  }

  /** A fresh index filled from the database, then swapped in; returns how many titles it holds. */
  public long rebuild(Consumer<Consumer<List<JsonObject>>> source) {
    String index = alias + "-" + Instant.now().toEpochMilli();
    create(index);
    long[] count = {0};
    source.accept(
        docs -> {
          List<JsonObject> lines = new ArrayList<>(docs.size() * 2);
          for (JsonObject doc : docs) {
            lines.add(action("index", index, doc.getString("id")));
            lines.add(doc);
          }
          bulk(lines, false);
          count[0] += docs.size();
        });
    node.call("POST", "/" + index + "/_refresh", null);
    List<String> old = new ArrayList<>();
    OpenSearchNode.Answer current = node.call("GET", "/_alias/" + alias, null);
    if (current.status() == 200) {
      old.addAll(current.object().keySet());
    } else if (node.call("HEAD", "/" + alias, null).status() == 200) {
      // A concrete index with the alias's name (should not happen): replace it.
      node.call("DELETE", "/" + alias, null);
    }
    OpenSearchNode.Answer swapped = node.call("POST", "/_aliases", aliasActions(old, index));
    if (swapped.status() != 200) {
      throw new SearchUnavailable(
          "could not swap " + alias + " to " + index + ": " + swapped.body());
    }
    for (String stale : old) {
      node.call("DELETE", "/" + stale, null);
    }
    return count[0];
  }

  private void create(String index) {
    OpenSearchNode.Answer created =
        node.call("PUT", "/" + index, OpenSearchTitleSearch.indexDefinition());
    if (created.status() != 200) {
      throw new SearchUnavailable("could not create the index " + index + ": " + created.body());
    }
  }

  private JsonObject aliasActions(List<String> remove, String add) {
    var actions = JSON.createArrayBuilder();
    for (String index : remove) {
      actions.add(
          JSON.createObjectBuilder()
              .add("remove", JSON.createObjectBuilder().add("index", index).add("alias", alias)));
    }
    actions.add(
        JSON.createObjectBuilder()
            .add("add", JSON.createObjectBuilder().add("index", add).add("alias", alias)));
    return JSON.createObjectBuilder().add("actions", actions).build();
  }

  private void bulk(List<JsonObject> lines, boolean refresh) {
    if (lines.isEmpty()) {
      return;
    }
    OpenSearchNode.Answer answer = node.bulk(lines);
    if (answer.status() != 200) {
      throw new SearchUnavailable("OpenSearch refused a bulk request (" + answer.status() + ").");
    }
    if (answer.object().getBoolean("errors", false)) {
      for (JsonValue item : answer.object().getJsonArray("items")) {
        JsonObject result = item.asJsonObject().values().iterator().next().asJsonObject();
        int status = result.getInt("status");
        if (status == 429 || status >= 500) {
          // OpenSearch is overloaded or failing: the whole batch is tried again.
          throw new SearchUnavailable("OpenSearch could not index a title: " + result.get("error"));
        }
        if (status >= 300 && status != 404) {
          // This document will never be accepted as it is: say so, and let the rest through
          // (one bad title must not hold back every later change). Deleting what is not there
          // (404) is fine.
          LOG.warning(
              "OpenSearch refused title "
                  + result.getString("_id", "?")
                  + ": "
                  + result.get("error"));
        }
      }
    }
    if (refresh) {
      node.call("POST", "/" + alias + "/_refresh", null);
    }
  }

  private static JsonObject action(String op, String index, String id) {
    return JSON.createObjectBuilder()
        .add(op, JSON.createObjectBuilder().add("_index", index).add("_id", id))
        .build();
  }
}
