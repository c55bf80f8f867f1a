package dev.marquee.bench;

import dev.marquee.devstack.NginxProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The peer the serving benches compare with: Debian's nginx serving the same segment files from
 * disk (s3proxy's folder), one worker like the edge, sendfile, no access log.
 */
final class DiskNginx implements AutoCloseable {
  private final NginxProcess nginx;
  private final int port;

  DiskNginx(Path dir, Path root, int port, int workers) throws IOException {
    this.port = port;
    Files.createDirectories(dir.resolve("logs"));
    Files.createDirectories(dir.resolve("tmp"));
    String conf =
        """
        %1$s
        worker_processes %4$d;
        pid %2$s/disk.pid;
        events { worker_connections 4096; }
        http {
            default_type application/octet-stream;
            sendfile on;
            tcp_nopush on;
            access_log off;
            keepalive_requests 100000;
            client_body_temp_path %2$s/tmp/body;
            proxy_temp_path %2$s/tmp/proxy;
            fastcgi_temp_path %2$s/tmp/fastcgi;
            uwsgi_temp_path %2$s/tmp/uwsgi;
            scgi_temp_path %2$s/tmp/scgi;
            server {
                listen 127.0.0.1:%3$d;
                root %5$s;
                location / {
                    add_header Cache-Control "public, max-age=31536000, immutable";
                }
            }
        }
        """
            .formatted(NginxProcess.userLine(), dir, port, workers, root);
    Path file = dir.resolve("disk.conf");
    Files.writeString(file, conf, StandardCharsets.UTF_8);
    this.nginx = new NginxProcess("disk", dir, file, port, Map.of());
  }

  DiskNginx start() throws IOException, InterruptedException {
    nginx.start();
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    nginx.close();
  }
}
