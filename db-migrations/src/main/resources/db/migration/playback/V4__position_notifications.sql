-- Every committed position write notifies the servers listening on 'playback_positions', so each
-- server pushes it at once to the devices it holds streams for, instead of polling (ADR 0027).
-- The payload carries the position itself (profile, title, device, position ms, client time and
-- updated_at in epoch microseconds, watched), so no server reads it back. NOTIFY is delivered at
-- commit, in commit order, and never for a write that rolled back or did not take effect.
CREATE FUNCTION playback.notify_position_written() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('playback_positions', concat_ws(',',
      NEW.profile_id, NEW.title_id, NEW.device_id, NEW.position_ms,
      (extract(epoch FROM NEW.client_time) * 1000000)::bigint,
      (extract(epoch FROM NEW.updated_at) * 1000000)::bigint,
      NEW.watched));
  RETURN NULL;
END
$$;

CREATE TRIGGER positions_notify
AFTER INSERT OR UPDATE ON playback.positions
FOR EACH ROW EXECUTE FUNCTION playback.notify_position_written();
